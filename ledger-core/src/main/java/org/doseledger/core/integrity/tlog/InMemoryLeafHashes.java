package org.doseledger.core.integrity.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Leaf hashes held in a list: for tests, small logs and proofs over a batch already in memory. */
public final class InMemoryLeafHashes implements LeafHashes {

    private final List<byte[]> hashes;

    private InMemoryLeafHashes(List<byte[]> hashes) {
        this.hashes = hashes;
    }

    /** The given leaf hashes, in order; each must be 32 bytes. The list is copied. */
    public static InMemoryLeafHashes of(List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leaf hashes");
        List<byte[]> copy = new ArrayList<>(leafHashes.size());
        for (int i = 0; i < leafHashes.size(); i++) {
            byte[] hash = leafHashes.get(i);
            if (hash == null || hash.length != MerkleTree.HASH_SIZE) {
                throw new IllegalArgumentException("leaf hash " + i + " must be " + MerkleTree.HASH_SIZE + " bytes, is "
                        + (hash == null ? "null" : hash.length + " bytes"));
            }
            copy.add(hash.clone());
        }
        return new InMemoryLeafHashes(copy);
    }

    /** The leaf hashes of the given leaf inputs (RFC 9162 section 2.1.1). */
    public static InMemoryLeafHashes ofLeafInputs(List<byte[]> leafInputs) {
        Objects.requireNonNull(leafInputs, "leaf inputs");
        return of(leafInputs.stream().map(MerkleTree::leafHash).toList());
    }

    @Override
    public long size() {
        return hashes.size();
    }

    @Override
    public byte[] leafHash(long index) {
        if (index < 0 || index >= hashes.size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + hashes.size());
        }
        return hashes.get((int) index).clone();
    }
}
