package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A practitioner's certificate was recorded: which kind, issuer, issue date and expiry (null: none). */
@Revision("1")
public record PractitionerCertificateRecordedEvent(
        PracticeId practiceId,
        String practitionerId,
        CertificateKind kind,
        String issuer,
        LocalDate issuedOn,
        LocalDate expiresOn,
        Instant occurredAt)
        implements LedgerEvent {}
