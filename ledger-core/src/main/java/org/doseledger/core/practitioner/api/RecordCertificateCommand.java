package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/**
 * Record a certificate a practitioner holds (KAP training, ACLS).
 *
 * @param expiresOn null when the certificate does not expire
 */
public record RecordCertificateCommand(
        PracticeId practiceId,
        String practitionerId,
        CertificateKind kind,
        String issuer,
        LocalDate issuedOn,
        LocalDate expiresOn,
        Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PractitionerIds.aggregateId(practiceId, practitionerId);
    }
}
