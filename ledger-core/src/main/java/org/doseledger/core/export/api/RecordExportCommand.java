package org.doseledger.core.export.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/**
 * Record that a regulator export was generated: what was asked for, what the bundle holds (its files'
 * SHA-256 and the manifest's), the ledger position it was computed at and the signed checkpoint that
 * covers it.
 */
public record RecordExportCommand(
        String exportId,
        PracticeId practiceId,
        String exportType,
        Map<String, String> parameters,
        long records,
        Map<String, String> files,
        String manifestSha256,
        long ledgerPosition,
        long checkpointNumber,
        long checkpointToIndex,
        String generatedBy,
        Instant generatedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ExportIds.aggregateId(exportId);
    }
}
