package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A clearance that expires before it was given would clear nothing. */
public class ClearanceExpiryBeforeClearanceException extends LedgerRuleViolation {

    public ClearanceExpiryBeforeClearanceException(String clearanceId, Instant expiresAt, Instant clearedAt) {
        super("Clearance " + clearanceId + " expires at " + expiresAt + ", not after it was given at " + clearedAt);
    }

    @Override
    public String code() {
        return "CLEARANCE_EXPIRES_BEFORE_CLEARANCE";
    }
}
