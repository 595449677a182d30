package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/** A scheduled session was cancelled before it started, with the reason. */
@Revision("2")
public record DosingSessionCancelledEvent(
        PracticeId practiceId, String sessionId, String clientId, SealedPersonalData reason, Instant occurredAt)
        implements ClientEvent {}
