package org.doseledger.core.practice.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;

/**
 * A practice, the DEA registrant for its stock, was registered with its DEA registration and its time
 * zone (an IANA id such as America/Chicago).
 */
@Revision("1")
public record PracticeRegisteredEvent(
        PracticeId practiceId,
        String name,
        PostalAddress address,
        String deaNumber,
        LocalDate deaRegistrationExpiresOn,
        List<ControlledSchedule> authorizedSchedules,
        String timeZone,
        Instant occurredAt)
        implements LedgerEvent {}
