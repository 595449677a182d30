package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PersonName;
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
        Instant occurredAt,
        PersonName legalName,
        String npi) {

    /** A practitioner registered without a legal name or NPI on file. */
    public RegisterPractitionerCommand(
            PracticeId practiceId,
            String practitionerId,
            String name,
            Set<PractitionerRole> roles,
            DeaNumber deaNumber,
            Instant occurredAt) {
        this(practiceId, practitionerId, name, roles, deaNumber, occurredAt, null, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PractitionerIds.aggregateId(practiceId, practitionerId);
    }
}
