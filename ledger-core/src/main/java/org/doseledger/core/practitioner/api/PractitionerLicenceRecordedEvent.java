package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A practitioner's state licence was recorded: number, issuing state, expiry. */
@Revision("1")
public record PractitionerLicenceRecordedEvent(
        PracticeId practiceId,
        String practitionerId,
        String licenceNumber,
        String state,
        LocalDate expiresOn,
        Instant occurredAt)
        implements LedgerEvent {}
