package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PracticeId;

/**
 * Register a practitioner of a practice with their roles and, for prescribers, their DEA number.
 *
 * @param deaNumber null when the practitioner holds no DEA registration of their own
 */
public record RegisterPractitionerCommand(
        PracticeId practiceId,
        String practitionerId,
        String name,
        Set<PractitionerRole> roles,
        DeaNumber deaNumber,
        Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PractitionerIds.aggregateId(practiceId, practitionerId);
    }
}
