package org.doseledger.core.integrity.tlog;

import java.util.Objects;

/**
 * The ledger's leaves in the transparency log: one per event, in global-index order, binding the event's
 * hash ({@code EventHashes.eventHash}) to its position. The leaf input is the 18 ASCII bytes {@code
 * DOSE-LEDGER-LEAF/1}, the global index as 8 bytes big-endian, and the 32-byte event hash; the leaf hash
 * is SHA-256(0x00 || leaf input) as for every RFC 9162 leaf. The tag keeps these leaves apart from any
 * other SHA-256 input of the ledger.
 */
public final class LedgerLeaf {

    private static final byte[] TAG = Encoding.utf8("DOSE-LEDGER-LEAF/1");
    private static final int EVENT_HASH_SIZE = 32;

    private LedgerLeaf() {}

    /** The leaf input: tag || globalIndex (8 bytes, big-endian) || eventHash. */
    public static byte[] input(long globalIndex, byte[] eventHash) {
        Objects.requireNonNull(eventHash, "event hash");
        if (globalIndex < 0) {
            throw new IllegalArgumentException("global index must not be negative: " + globalIndex);
        }
        if (eventHash.length != EVENT_HASH_SIZE) {
            throw new IllegalArgumentException(
                    "an event hash is " + EVENT_HASH_SIZE + " bytes, this one " + eventHash.length);
        }
        byte[] input = new byte[TAG.length + 8 + EVENT_HASH_SIZE];
        System.arraycopy(TAG, 0, input, 0, TAG.length);
        System.arraycopy(Encoding.bigEndian(globalIndex), 0, input, TAG.length, 8);
        System.arraycopy(eventHash, 0, input, TAG.length + 8, EVENT_HASH_SIZE);
        return input;
    }

    /** The leaf hash: SHA-256(0x00 || {@link #input}). */
    public static byte[] hash(long globalIndex, byte[] eventHash) {
        return MerkleTree.leafHash(input(globalIndex, eventHash));
    }
}
