package org.doseledger.api.integrity;

import java.time.Instant;
import java.util.HexFormat;
import org.doseledger.core.integrity.Checkpoint;

/** A checkpoint as signed, hashes and signature in hex: as the API lists it and as a bundle carries it. */
public record CheckpointView(
        long number,
        long fromIndex,
        long toIndex,
        long eventCount,
        String chainHash,
        String previousCheckpointHash,
        Instant sealedAt,
        String keyId,
        String signature,
        String checkpointHash) {

    public static CheckpointView of(Checkpoint checkpoint) {
        HexFormat hex = HexFormat.of();
        return new CheckpointView(
                checkpoint.number(),
                checkpoint.fromIndex(),
                checkpoint.toIndex(),
                checkpoint.eventCount(),
                hex.formatHex(checkpoint.chainHash()),
                hex.formatHex(checkpoint.previousCheckpointHash()),
                checkpoint.sealedAt(),
                checkpoint.keyId(),
                hex.formatHex(checkpoint.signature()),
                hex.formatHex(checkpoint.checkpointHash()));
    }
}
