package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A key is revoked once; the first revocation stands. */
public class ApiKeyAlreadyRevokedException extends LedgerRuleViolation {

    public ApiKeyAlreadyRevokedException(String keyId, Instant revokedAt) {
        super("API key " + keyId + " was already revoked at " + revokedAt);
    }

    @Override
    public String code() {
        return "API_KEY_ALREADY_REVOKED";
    }
}
