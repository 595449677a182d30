package org.doseledger.projections.practitioner;

import java.time.Instant;
import java.util.List;
import org.doseledger.core.practitioner.api.Credentials;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.shared.PersonName;

/**
 * A practitioner of a practice as the ledger knows them, with their credentials' expiries; {@code legalName}
 * and {@code npi} null when not on file.
 */
public record PractitionerView(
        String practitionerId,
        String name,
        List<PractitionerRole> roles,
        String deaNumber,
        boolean active,
        Instant registeredAt,
        Instant deactivatedAt,
        String licenceNumber,
        String licenceState,
        Credentials credentials,
        PersonName legalName,
        String npi) {}
