package org.doseledger.core.practice.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** Close a history import: no entry can name it from then on. */
public record CloseHistoryImportCommand(PracticeId practiceId, String importId, String closedBy, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return practiceId.aggregateId();
    }
}
