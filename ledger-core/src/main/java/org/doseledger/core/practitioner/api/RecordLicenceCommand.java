package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** Record a practitioner's state licence (a renewal replaces the previous one). */
public record RecordLicenceCommand(
        PracticeId practiceId,
        String practitionerId,
        String licenceNumber,
        String state,
        LocalDate expiresOn,
        Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PractitionerIds.aggregateId(practiceId, practitionerId);
    }
}
