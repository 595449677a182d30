package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PracticeId;

/** Record a prescriber's own DEA registration: number, expiry, schedules (a renewal replaces it). */
public record RecordDeaRegistrationCommand(
        PracticeId practiceId,
        String practitionerId,
        DeaNumber deaNumber,
        LocalDate expiresOn,
        Set<ControlledSchedule> schedules,
        Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PractitionerIds.aggregateId(practiceId, practitionerId);
    }
}
