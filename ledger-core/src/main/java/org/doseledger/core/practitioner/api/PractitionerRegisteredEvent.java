package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PracticeId;

/**
 * A practitioner joined a practice, with roles and (for prescribers) a DEA number; null when none. The
 * legal name (given and family) and the NPI are those the PDMP file reports (PRE05, PRE06, PRE01); null
 * when not given, and in events recorded before they existed.
 */
@Revision("1")
public record PractitionerRegisteredEvent(
        PracticeId practiceId,
        String practitionerId,
        String name,
        List<PractitionerRole> roles,
        String deaNumber,
        Instant occurredAt,
        PersonName legalName,
        String npi)
        implements LedgerEvent {

    /** A practitioner registered without a legal name or NPI on file. */
    public PractitionerRegisteredEvent(
            PracticeId practiceId,
            String practitionerId,
            String name,
            List<PractitionerRole> roles,
            String deaNumber,
            Instant occurredAt) {
        this(practiceId, practitionerId, name, roles, deaNumber, occurredAt, null, null);
    }
}
