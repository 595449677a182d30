package org.doseledger.core.practice.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A policy value that cannot be applied. */
public class InvalidPolicyException extends LedgerRuleViolation {

    public InvalidPolicyException(String problem) {
        super("Invalid practice policy: " + problem);
    }

    @Override
    public String code() {
        return "INVALID_POLICY";
    }
}
