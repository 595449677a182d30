package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * A clinician cleared the client for ketamine treatment: who, when, the blood-pressure limits at dosing
 * and other conditions, and until when ({@code expiresAt} null: no expiry). The clinician's name and the
 * conditions are free text that can name the client: sealed under the client's data key (revision 2;
 * revision 1 held them in plaintext, docs/personal-data.md).
 */
@Revision("2")
public record MedicalClearanceRecordedEvent(
        PracticeId practiceId,
        String clientId,
        String clearanceId,
        ClearanceSource source,
        String practitionerId,
        SealedPersonalData clinician,
        Instant clearedAt,
        Integer maxSystolicMmHg,
        Integer maxDiastolicMmHg,
        SealedPersonalData conditions,
        Instant expiresAt)
        implements ClientEvent {

    @Override
    public Instant occurredAt() {
        return clearedAt;
    }
}
