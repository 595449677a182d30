package org.doseledger.core.integrity.tlog;

/**
 * The leaf hashes of a log, read one at a time so that a tree of millions of leaves never has to be in
 * memory at once (a database-backed implementation reads them on demand). Leaves are numbered from 0.
 *
 * <p>An implementation that keeps the roots of complete subtrees (for example tiles, or a node table
 * filled as the log grows) returns them from {@link #storedSubtreeHash}; {@link MerkleTree} then needs
 * O(log n) reads per root or proof instead of O(n).
 */
public interface LeafHashes {

    /** How many leaves there are; proofs and roots may be asked for any tree size up to this. */
    long size();

    /** The 32-byte leaf hash (RFC 9162 section 2.1.1: SHA-256 of 0x00 and the leaf input) of leaf {@code index}. */
    byte[] leafHash(long index);

    /**
     * The root of the complete subtree of {@code 2^level} leaves that starts at leaf {@code index * 2^level},
     * if it is stored, or null to have it computed from the leaves. Only ever asked for subtrees that lie
     * entirely within {@link #size()}. Level 0 is never asked for; leaves come from {@link #leafHash}.
     */
    default byte[] storedSubtreeHash(int level, long index) {
        return null;
    }
}
