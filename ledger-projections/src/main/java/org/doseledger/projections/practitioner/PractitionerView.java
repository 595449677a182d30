package org.doseledger.projections.practitioner;

import java.time.Instant;
import java.util.List;
import org.doseledger.core.practitioner.api.PractitionerRole;

/** A practitioner of a practice as the ledger knows them. */
public record PractitionerView(
        String practitionerId,
        String name,
        List<PractitionerRole> roles,
        String deaNumber,
        boolean active,
        Instant registeredAt,
        Instant deactivatedAt) {}
