package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/** An observation or adverse event during the session (severity and action for adverse events). */
@Revision("2")
public record ObservationRecordedEvent(
        PracticeId practiceId,
        String sessionId,
        String clientId,
        ObservationKind kind,
        Severity severity,
        SealedPersonalData description,
        SealedPersonalData actionTaken,
        String recordedBy,
        Instant occurredAt)
        implements ClientEvent {}
