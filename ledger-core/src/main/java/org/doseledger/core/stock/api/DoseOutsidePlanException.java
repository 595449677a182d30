package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A dose outside the client's treatment plan (above its maximum single dose, sooner than its minimum
 * interval, by another route) needs a rationale and a second prescriber's approval; a large change
 * from the previous session needs a rationale.
 */
public class DoseOutsidePlanException extends LedgerRuleViolation {

    private final String code;

    public DoseOutsidePlanException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
