package org.doseledger.core.practitioner.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** A practitioner stops acting for the practice (left, suspended); they may no longer act on stock. */
public record DeactivatePractitionerCommand(
        PracticeId practiceId, String practitionerId, Instant occurredAt, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PractitionerIds.aggregateId(practiceId, practitionerId);
    }
}
