package org.doseledger.core.export.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/**
 * Record what happened to a generated PDMP file at the state: submitted, accepted or rejected, with the
 * state's reference (e.g. its file or batch id) and, for a rejection, its reason; {@code at} is when it
 * happened.
 */
public record RecordPdmpSubmissionCommand(
        String exportId,
        PracticeId practiceId,
        PdmpSubmissionStatus status,
        String reference,
        String reason,
        Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ExportIds.aggregateId(exportId);
    }
}
