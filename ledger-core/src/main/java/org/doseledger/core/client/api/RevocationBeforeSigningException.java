package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A consent cannot be revoked effective before it was signed. */
public class RevocationBeforeSigningException extends LedgerRuleViolation {

    public RevocationBeforeSigningException(String consentId, Instant effectiveAt, Instant signedAt) {
        super("Consent " + consentId + " cannot be revoked effective " + effectiveAt + ": it was signed at "
                + signedAt);
    }

    @Override
    public String code() {
        return "REVOCATION_BEFORE_SIGNING";
    }
}
