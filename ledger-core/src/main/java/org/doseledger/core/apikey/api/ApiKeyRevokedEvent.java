package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;

/** An API key was revoked. */
@Revision("1")
public record ApiKeyRevokedEvent(String keyId, Instant revokedAt, String reason) implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return revokedAt;
    }
}
