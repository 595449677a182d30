package org.doseledger.core.export.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/**
 * Record that a regulator export was generated: what was asked for, what the bundle holds (its files'
 * SHA-256 and the manifest's), the ledger position it was computed at and the signed checkpoint that
 * covers it; for a PDMP file, the records it holds ({@code pdmpRecords}).
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
        Instant generatedAt,
        List<PdmpFileRecord> pdmpRecords) {

    /** An export of another type than the PDMP file. */
    public RecordExportCommand(
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
        this(
                exportId,
                practiceId,
                exportType,
                parameters,
                records,
                files,
                manifestSha256,
                ledgerPosition,
                checkpointNumber,
                checkpointToIndex,
                generatedBy,
                generatedAt,
                null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ExportIds.aggregateId(exportId);
    }
}
