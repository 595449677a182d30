package org.doseledger.core.practitioner.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PracticeId;

/**
 * Record a practitioner's legal name and NPI, for a practitioner registered without them or whose name or
 * NPI changed; the latest recorded is the one the PDMP file reports.
 */
public record RecordPractitionerIdentityCommand(
        PracticeId practiceId, String practitionerId, PersonName legalName, String npi, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PractitionerIds.aggregateId(practiceId, practitionerId);
    }
}
