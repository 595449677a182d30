package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A prescriber's DEA registration was recorded: number, expiry and the schedules it covers. */
@Revision("1")
public record PractitionerDeaRegistrationRecordedEvent(
        PracticeId practiceId,
        String practitionerId,
        String deaNumber,
        LocalDate expiresOn,
        List<ControlledSchedule> schedules,
        Instant occurredAt)
        implements LedgerEvent {}
