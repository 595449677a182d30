package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/** A preparation or integration session took place: with which therapist, for which dosing session, how long. */
@Revision("1")
public record TherapySessionRecordedEvent(
        PracticeId practiceId,
        String clientId,
        String therapySessionId,
        TherapySessionKind kind,
        String therapistId,
        String dosingSessionId,
        int durationMinutes,
        Instant occurredAt)
        implements ClientEvent {}
