package org.doseledger.core.integrity.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree of RFC 9162 section 2.1 (Certificate Transparency v2, the same tree as RFC 6962) with
 * SHA-256: roots, inclusion proofs and consistency proofs, and their verification.
 *
 * <p>A leaf hash is SHA-256(0x00 || leaf input) and an interior node SHA-256(0x01 || left || right). The
 * tree over n &gt; 1 leaves is the node over the tree of the first k leaves and the tree of the other
 * n - k, where k is the largest power of two smaller than n; the tree over no leaf is SHA-256 of the
 * empty string. The leaves are read through {@link LeafHashes}, one at a time, so computing the root of n
 * leaves costs n leaf reads and n - 1 node hashes and keeps only O(log n) hashes in memory. Where the
 * leaves come with stored subtree roots, roots and proofs cost O(log n) reads (O(log^2 n) at worst for a
 * size that is not a sum of few powers of two).
 *
 * <p>Generation follows the recursive definitions (PATH, PROOF and SUBPROOF of sections 2.1.3.1 and
 * 2.1.4.1); verification follows the iterative algorithms of sections 2.1.3.2 and 2.1.4.2 literally.
 * Verification never throws for a wrong proof: it answers false, including for hashes that are not 32
 * bytes and for sizes out of range.
 */
public final class MerkleTree {

    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = Encoding.sha256(new byte[0]);

    private MerkleTree() {}

    /** The root of the tree over no leaf: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** SHA-256(0x00 || leaf input). */
    public static byte[] leafHash(byte[] leafInput) {
        Objects.requireNonNull(leafInput, "leaf input");
        MessageDigest digest = Encoding.sha256();
        digest.update(LEAF_PREFIX);
        digest.update(leafInput);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest digest = Encoding.sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** MTH(D[0:treeSize]): the root of the tree over the first {@code treeSize} leaves. */
    public static byte[] rootHash(LeafHashes leaves, long treeSize) {
        requireTreeSize(leaves, treeSize);
        return treeSize == 0 ? emptyRoot() : subtree(leaves, 0, treeSize);
    }

    /** MTH(D[start:end]): the root of the tree over the leaves from {@code start} (inclusive) to {@code end}. */
    public static byte[] subtreeHash(LeafHashes leaves, long start, long end) {
        Objects.requireNonNull(leaves, "leaves");
        if (start < 0 || end <= start || end > leaves.size()) {
            throw new IllegalArgumentException("subtree [" + start + ", " + end + ") is not a non-empty range of the "
                    + leaves.size() + " leaves");
        }
        return subtree(leaves, start, end - start);
    }

    /**
     * PATH(leafIndex, D[0:treeSize]): the hashes that, with the leaf hash, recompute the root of the tree
     * of {@code treeSize} leaves, from the leaf's sibling upwards. Empty for a tree of one leaf.
     */
    public static List<byte[]> inclusionProof(LeafHashes leaves, long leafIndex, long treeSize) {
        requireTreeSize(leaves, treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        path(leaves, 0, leafIndex, treeSize, proof);
        return proof;
    }

    /**
     * PROOF(oldSize, D[0:newSize]): the hashes that show the tree of {@code oldSize} leaves is a prefix of
     * the tree of {@code newSize} leaves. Empty when the sizes are equal or the old tree is empty (RFC
     * 9162 defines proofs for 0 &lt; oldSize &lt; newSize; these two cases need none).
     */
    public static List<byte[]> consistencyProof(LeafHashes leaves, long oldSize, long newSize) {
        requireTreeSize(leaves, newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + newSize
                    + " leaves: the old size must be 0.." + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(leaves, 0, oldSize, newSize, true, proof);
        }
        return proof;
    }

    /**
     * Whether {@code proof} shows that the leaf with hash {@code leafHash} is leaf {@code leafIndex} of the
     * tree of {@code treeSize} leaves with root {@code rootHash} (RFC 9162 section 2.1.3.2).
     *
     * <p>The algorithm checks the size only against the length of the proof (a proof for leaf 0 of 3
     * leaves also passes for 4 leaves against the same root), so size and root must come from the same
     * signed checkpoint.
     */
    public static boolean verifyInclusion(
            byte[] leafHash, long leafIndex, long treeSize, List<byte[]> proof, byte[] rootHash) {
        Objects.requireNonNull(proof, "proof");
        if (!isHash(leafHash) || !isHash(rootHash) || !allHashes(proof)) {
            return false;
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, rootHash);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code oldSize} leaves with root {@code oldRoot} is a
     * prefix of the tree of {@code newSize} leaves with root {@code newRoot} (RFC 9162 section 2.1.4.2).
     *
     * <p>The algorithm of the RFC covers 0 &lt; oldSize &lt; newSize. As in transparency-dev/merkle, equal
     * sizes are consistent exactly when the roots are equal and the proof is empty, and an empty old tree
     * is consistent with every tree when the proof is empty (its root is not examined). Roots must be 32
     * bytes in every case. As for inclusion, the new size is checked only against the length of the proof:
     * take it from the same signed checkpoint as the new root.
     */
    public static boolean verifyConsistency(
            long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        Objects.requireNonNull(proof, "proof");
        if (!isHash(oldRoot) || !isHash(newRoot) || !allHashes(proof)) {
            return false;
        }
        if (oldSize < 0 || newSize < oldSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(oldSize) == 1) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    /** The largest power of two smaller than n, for n &gt;= 2: where the tree over n leaves splits. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** MTH of the n leaves from start; n &gt;= 1. */
    private static byte[] subtree(LeafHashes leaves, long start, long n) {
        if (n == 1) {
            return leaf(leaves, start);
        }
        if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
            int level = Long.numberOfTrailingZeros(n);
            byte[] stored = leaves.storedSubtreeHash(level, start >>> level);
            if (stored != null) {
                if (stored.length != HASH_SIZE) {
                    throw new IllegalStateException("stored subtree hash at level " + level + ", index "
                            + (start >>> level) + " is " + stored.length + " bytes, not " + HASH_SIZE);
                }
                return stored.clone();
            }
        }
        long k = split(n);
        return nodeHash(subtree(leaves, start, k), subtree(leaves, start + k, n - k));
    }

    /** Appends PATH(m, D[start:start+n]) to the proof. */
    private static void path(LeafHashes leaves, long start, long m, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(leaves, start, m, k, proof);
            proof.add(subtree(leaves, start + k, n - k));
        } else {
            path(leaves, start + k, m - k, n - k, proof);
            proof.add(subtree(leaves, start, k));
        }
    }

    /** Appends SUBPROOF(m, D[start:start+n], b) to the proof. */
    private static void subproof(LeafHashes leaves, long start, long m, long n, boolean b, List<byte[]> proof) {
        if (m == n) {
            if (!b) {
                proof.add(subtree(leaves, start, n));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(leaves, start, m, k, b, proof);
            proof.add(subtree(leaves, start + k, n - k));
        } else {
            subproof(leaves, start + k, m - k, n - k, false, proof);
            proof.add(subtree(leaves, start, k));
        }
    }

    private static byte[] leaf(LeafHashes leaves, long index) {
        byte[] hash = leaves.leafHash(index);
        if (hash == null || hash.length != HASH_SIZE) {
            throw new IllegalStateException("leaf hash " + index + " is "
                    + (hash == null ? "missing" : hash.length + " bytes, not " + HASH_SIZE));
        }
        return hash;
    }

    private static void requireTreeSize(LeafHashes leaves, long treeSize) {
        Objects.requireNonNull(leaves, "leaves");
        if (treeSize < 0 || treeSize > leaves.size()) {
            throw new IllegalArgumentException(
                    "tree size " + treeSize + " is not between 0 and the " + leaves.size() + " leaves there are");
        }
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> hashes) {
        return hashes.stream().allMatch(MerkleTree::isHash);
    }
}
