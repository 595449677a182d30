package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** An API key was issued with a role and (except for ADMIN) one practice; its secret is kept only as a hash. */
@Revision("1")
public record ApiKeyIssuedEvent(
        String keyId,
        Role role,
        PracticeId practiceId,
        String label,
        String secretSha256,
        Instant expiresAt,
        Instant issuedAt)
        implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return issuedAt;
    }
}
