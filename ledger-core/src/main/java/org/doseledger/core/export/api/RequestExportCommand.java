package org.doseledger.core.export.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/**
 * Record that a regulator export was asked for. The request is the export's own event in the practice's
 * sequence: the export holds the ledger as of that event, and its bundle proves that it holds every event of
 * the practice up to it (docs/exports.md).
 */
public record RequestExportCommand(
        String exportId,
        PracticeId practiceId,
        String exportType,
        Map<String, String> parameters,
        String requestedBy,
        Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ExportIds.aggregateId(exportId);
    }
}
