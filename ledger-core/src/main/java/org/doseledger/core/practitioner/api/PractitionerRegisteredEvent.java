package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A practitioner joined a practice, with roles and (for prescribers) a DEA number; null when none. */
@Revision("1")
public record PractitionerRegisteredEvent(
        PracticeId practiceId,
        String practitionerId,
        String name,
        List<PractitionerRole> roles,
        String deaNumber,
        Instant occurredAt)
        implements LedgerEvent {}
