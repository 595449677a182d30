package org.doseledger.core.practice.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** Set the practice's clinical policies; they apply to every act recorded from then on. */
public record SetPracticePoliciesCommand(PracticeId practiceId, PracticePolicies policies, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return practiceId.aggregateId();
    }
}
