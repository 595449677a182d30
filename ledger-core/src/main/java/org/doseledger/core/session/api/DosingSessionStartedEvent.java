package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/** A dosing session started at a location; {@code monitoredBy} watches the client until discharge. */
@Revision("1")
public record DosingSessionStartedEvent(
        PracticeId practiceId,
        String sessionId,
        String clientId,
        String locationId,
        String monitoredBy,
        Instant occurredAt)
        implements ClientEvent {}
