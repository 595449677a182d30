package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A consent can be revoked once; the first revocation stands. */
public class ConsentAlreadyRevokedException extends LedgerRuleViolation {

    public ConsentAlreadyRevokedException(String consentId, Instant revokedAt) {
        super("Consent " + consentId + " was already revoked, effective " + revokedAt);
    }

    @Override
    public String code() {
        return "CONSENT_ALREADY_REVOKED";
    }
}
