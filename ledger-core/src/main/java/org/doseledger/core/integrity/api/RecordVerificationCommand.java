package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the outcome of a verification run of the whole ledger. */
public record RecordVerificationCommand(
        boolean integrityOk,
        boolean completenessOk,
        long eventsChecked,
        long checkpointsChecked,
        long lastSealedIndex,
        String integrityFailure,
        String completenessFailure,
        Instant startedAt,
        Instant finishedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return IntegrityIds.AGGREGATE_ID;
    }
}
