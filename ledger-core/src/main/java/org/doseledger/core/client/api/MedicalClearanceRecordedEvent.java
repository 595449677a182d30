package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * A clinician cleared the client for ketamine treatment: who, when, the blood-pressure limits at dosing
 * and other conditions, and until when ({@code expiresAt} null: no expiry).
 */
@Revision("1")
public record MedicalClearanceRecordedEvent(
        PracticeId practiceId,
        String clientId,
        String clearanceId,
        ClearanceSource source,
        String practitionerId,
        String clinician,
        Instant clearedAt,
        Integer maxSystolicMmHg,
        Integer maxDiastolicMmHg,
        String conditions,
        Instant expiresAt)
        implements ClientEvent {

    @Override
    public Instant occurredAt() {
        return clearedAt;
    }
}
