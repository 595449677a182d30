package org.doseledger.core.integrity;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A signed seal over the global chain: the range of ledger positions it covers, how many events are in
 * it, the chain hash after its last event, the hash of the checkpoint before it, when it was sealed and
 * with which key. The signature (Ed25519) and {@link #checkpointHash()} (SHA-256) are both over
 * {@link #signedBytes()}.
 */
public record Checkpoint(
        long number,
        long fromIndex,
        long toIndex,
        long eventCount,
        byte[] chainHash,
        byte[] previousCheckpointHash,
        Instant sealedAt,
        String keyId,
        byte[] signature,
        byte[] checkpointHash) {

    private static final byte[] TAG = "DOSE-LEDGER-CHECKPOINT/1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** What is signed: tag, then number, from, to, count, chain hash, previous checkpoint hash, sealed-at, key id. */
    public static byte[] signedBytes(
            long number,
            long fromIndex,
            long toIndex,
            long eventCount,
            byte[] chainHash,
            byte[] previousCheckpointHash,
            Instant sealedAt,
            String keyId) {
        return new EventHashes.Canonical(TAG)
                .text(Long.toString(number))
                .text(Long.toString(fromIndex))
                .text(Long.toString(toIndex))
                .text(Long.toString(eventCount))
                .bytes(chainHash)
                .bytes(previousCheckpointHash)
                .text(DateTimeFormatter.ISO_INSTANT.format(sealedAt))
                .text(keyId)
                .toBytes();
    }

    public byte[] signedBytes() {
        return signedBytes(number, fromIndex, toIndex, eventCount, chainHash, previousCheckpointHash, sealedAt, keyId);
    }
}
