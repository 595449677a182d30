package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A consent that expires before it is signed would cover nothing. */
public class ConsentExpiryBeforeSigningException extends LedgerRuleViolation {

    public ConsentExpiryBeforeSigningException(String consentId, Instant expiresAt, Instant signedAt) {
        super("Consent " + consentId + " expires at " + expiresAt + ", not after it was signed at " + signedAt);
    }

    @Override
    public String code() {
        return "CONSENT_EXPIRES_BEFORE_SIGNING";
    }
}
