package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/** Vital signs were taken: blood pressure, heart rate, oxygen saturation, by whom, when. */
@Revision("1")
public record VitalsRecordedEvent(
        PracticeId practiceId,
        String sessionId,
        String clientId,
        int systolicMmHg,
        int diastolicMmHg,
        int heartRateBpm,
        int spo2Percent,
        String takenBy,
        Instant occurredAt)
        implements ClientEvent {}
