package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A movement must move a positive amount, no finer than its unit allows (0.001 mL; whole troches, devices). */
public class InvalidQuantityException extends LedgerRuleViolation {

    public InvalidQuantityException(String problem) {
        super(problem);
    }

    @Override
    public String code() {
        return "INVALID_QUANTITY";
    }
}
