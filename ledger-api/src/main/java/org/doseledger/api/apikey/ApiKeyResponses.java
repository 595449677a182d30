package org.doseledger.api.apikey;

import java.time.Instant;
import java.util.List;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.projections.apikey.ApiKeyView;

public final class ApiKeyResponses {

    private ApiKeyResponses() {}

    /**
     * A newly issued key. {@code apiKey} is the only time the secret is shown; a retry of the same
     * request (same Idempotency-Key) answers with it set to null.
     */
    public record IssuedApiKey(
            String keyId,
            String apiKey,
            Role role,
            String practiceId,
            String label,
            Instant expiresAt,
            WriteReceipt receipt) {

        IssuedApiKey withoutSecret() {
            return new IssuedApiKey(keyId, null, role, practiceId, label, expiresAt, receipt);
        }
    }

    /**
     * An issued key as administrators see it: everything but the secret and its hash. For a REGULATOR
     * key, {@code grantedPractices} are the practices it may read now.
     */
    record ApiKeyDescription(
            String keyId,
            Role role,
            String practiceId,
            String label,
            Instant issuedAt,
            String issuedBy,
            Instant expiresAt,
            Instant revokedAt,
            List<String> grantedPractices) {

        static ApiKeyDescription of(ApiKeyView key) {
            return new ApiKeyDescription(
                    key.keyId(),
                    key.role(),
                    key.practiceId(),
                    key.label(),
                    key.issuedAt(),
                    key.issuedBy(),
                    key.expiresAt(),
                    key.revokedAt(),
                    key.role() == Role.REGULATOR ? key.grantedPractices() : null);
        }
    }
}
