package org.doseledger.core.integrity.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tree of a growing log, kept as the roots of its complete subtrees: one per bit set in the size,
 * largest first (a "compact range" over [0, size) in transparency-dev/merkle's terms). Appending a leaf
 * hash costs O(1) hashes amortised and the root of everything appended so far O(log n), with at most 64
 * hashes held, so the ledger can extend its tree with every event without rereading the log.
 *
 * <p>The state is the size and {@link #peaks()}; storing both lets the tree be {@linkplain #resume
 * resumed} after a restart. Not thread-safe: one writer appends.
 */
public final class CompactRange {

    private long size;
    private final List<byte[]> peaks;

    /** The tree over no leaf. */
    public CompactRange() {
        this.size = 0;
        this.peaks = new ArrayList<>();
    }

    private CompactRange(long size, List<byte[]> peaks) {
        this.size = size;
        this.peaks = peaks;
    }

    /**
     * The tree of {@code size} leaves from its stored peaks: one 32-byte hash per bit set in the size,
     * the largest subtree first.
     */
    public static CompactRange resume(long size, List<byte[]> peaks) {
        Objects.requireNonNull(peaks, "peaks");
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        if (peaks.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                    + " complete subtrees, " + peaks.size() + " hashes were given");
        }
        List<byte[]> copy = new ArrayList<>(peaks.size());
        for (int i = 0; i < peaks.size(); i++) {
            byte[] peak = peaks.get(i);
            if (peak == null || peak.length != MerkleTree.HASH_SIZE) {
                throw new IllegalArgumentException("peak " + i + " must be " + MerkleTree.HASH_SIZE + " bytes, is "
                        + (peak == null ? "null" : peak.length + " bytes"));
            }
            copy.add(peak.clone());
        }
        return new CompactRange(size, copy);
    }

    /**
     * The tree of the first {@code size} leaves: reads each complete subtree's root through {@link
     * MerkleTree#subtreeHash}, so it is O(log n) where the leaves have stored subtree roots and O(n)
     * otherwise.
     */
    public static CompactRange of(LeafHashes leaves, long size) {
        Objects.requireNonNull(leaves, "leaves");
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException(
                    "tree size " + size + " is not between 0 and the " + leaves.size() + " leaves there are");
        }
        List<byte[]> peaks = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                peaks.add(MerkleTree.subtreeHash(leaves, start, start + width));
                start += width;
            }
        }
        return new CompactRange(size, peaks);
    }

    /** Adds the next leaf, given by its 32-byte leaf hash (for the ledger: {@link LedgerLeaf#hash}). */
    public void append(byte[] leafHash) {
        Objects.requireNonNull(leafHash, "leaf hash");
        if (leafHash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException(
                    "a leaf hash is " + MerkleTree.HASH_SIZE + " bytes, this one " + leafHash.length);
        }
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full at " + size + " leaves");
        }
        byte[] node = leafHash.clone();
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            node = MerkleTree.nodeHash(peaks.remove(peaks.size() - 1), node);
        }
        peaks.add(node);
        size++;
    }

    /** How many leaves have been appended. */
    public long size() {
        return size;
    }

    /** The root of the tree over every leaf appended so far (the empty root before the first). */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1).clone();
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(peaks.get(i), root);
        }
        return root;
    }

    /** The roots of the complete subtrees, largest first: what {@link #resume} needs besides the size. */
    public List<byte[]> peaks() {
        return peaks.stream().map(byte[]::clone).toList();
    }
}
