package org.doseledger.core.practice.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** Record the practice's phone (ten digits) and contact person, replacing those on file. */
public record RecordPracticeContactCommand(
        PracticeId practiceId, String phone, String contactName, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return practiceId.aggregateId();
    }
}
