package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A REGULATOR key may read and export a practice's records from {@code grantedAt} on. */
@Revision("1")
public record PracticeAccessGrantedEvent(String keyId, PracticeId practiceId, String reason, Instant grantedAt)
        implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return grantedAt;
    }
}
