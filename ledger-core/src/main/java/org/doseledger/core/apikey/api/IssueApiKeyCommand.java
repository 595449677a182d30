package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/**
 * Issue an API key. Only the SHA-256 hash of its secret reaches the ledger; {@code practiceId} is
 * null exactly when the role is ADMIN.
 */
public record IssueApiKeyCommand(
        String keyId,
        Role role,
        PracticeId practiceId,
        String label,
        String secretSha256,
        Instant expiresAt,
        Instant issuedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiKeyIds.aggregateId(keyId);
    }
}
