package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke an API key: it authenticates nothing from then on. */
public record RevokeApiKeyCommand(String keyId, Instant revokedAt, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiKeyIds.aggregateId(keyId);
    }
}
