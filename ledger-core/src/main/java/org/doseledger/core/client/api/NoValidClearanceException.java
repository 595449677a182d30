package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** Where the practice requires it, no dose without a medical clearance valid when it is given. */
public class NoValidClearanceException extends LedgerRuleViolation {

    public NoValidClearanceException(String clientId, Instant at) {
        super("The practice requires a medical clearance, and client " + clientId + " had none valid at " + at);
    }

    @Override
    public String code() {
        return "NO_VALID_CLEARANCE";
    }
}
