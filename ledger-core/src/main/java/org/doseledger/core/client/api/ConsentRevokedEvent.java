package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/** A client revoked a consent, effective at the given time, for the given reason. */
@Revision("2")
public record ConsentRevokedEvent(
        PracticeId practiceId, String clientId, String consentId, Instant effectiveAt, SealedPersonalData reason)
        implements ClientEvent {

    @Override
    public Instant occurredAt() {
        return effectiveAt;
    }
}
