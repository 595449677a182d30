package org.doseledger.core.practitioner.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A practitioner stopped acting for the practice from {@code occurredAt} on. */
@Revision("1")
public record PractitionerDeactivatedEvent(
        PracticeId practiceId, String practitionerId, Instant occurredAt, String reason) implements LedgerEvent {}
