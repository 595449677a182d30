package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * Vital signs were taken: blood pressure, heart rate, oxygen saturation, by whom, when. Each measurement is
 * optional (null when not taken), but a set holds at least one, and blood pressure is both values or neither.
 */
@Revision("1")
public record VitalsRecordedEvent(
        PracticeId practiceId,
        String sessionId,
        String clientId,
        Integer systolicMmHg,
        Integer diastolicMmHg,
        Integer heartRateBpm,
        Integer spo2Percent,
        String takenBy,
        Instant occurredAt)
        implements ClientEvent {

    /** Whether this set includes a blood pressure. */
    public boolean hasBloodPressure() {
        return systolicMmHg != null && diastolicMmHg != null;
    }
}
