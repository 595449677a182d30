package org.doseledger.core.integrity.tlog;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1 transcribed as literally as possible, over lists of leaf inputs, for checking
 * {@link MerkleTree} against: MTH, PATH and PROOF/SUBPROOF by their recursive definitions, a fresh
 * digest for every hash, no shared code with the implementation under test.
 */
final class ReferenceMerkleTree {

    private ReferenceMerkleTree() {}

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                all.writeBytes(part);
            }
            return digest.digest(all.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** MTH(D[n]). */
    static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return sha256();
        }
        if (d.size() == 1) {
            return sha256(new byte[] {0x00}, d.get(0));
        }
        int k = largestPowerOfTwoLessThan(d.size());
        return sha256(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() == 1) {
            return out;
        }
        int k = largestPowerOfTwoLessThan(d.size());
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 &lt; m &lt;= n. */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = largestPowerOfTwoLessThan(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** Counted up, not computed with bit tricks: the largest 2^i with 2^i &lt; n. */
    private static int largestPowerOfTwoLessThan(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
