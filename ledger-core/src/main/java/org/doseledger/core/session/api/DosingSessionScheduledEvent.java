package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;

/** A dosing session was scheduled for a client, with the substance to be given. */
@Revision("1")
public record DosingSessionScheduledEvent(
        PracticeId practiceId,
        String sessionId,
        String clientId,
        Substance substance,
        Instant scheduledFor,
        Instant occurredAt)
        implements ClientEvent {}
