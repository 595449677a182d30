package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A take-home dose is dispensed only on a prescription that was written on or before the day of
 * dispensing, no more than six months before it, authorizes at most five refills (21 CFR 1306.22(a))
 * and has a number of at most 25 characters (ASAP 4.2 DSP02).
 */
public class InvalidPrescriptionException extends LedgerRuleViolation {

    public InvalidPrescriptionException(String problem) {
        super(problem);
    }

    @Override
    public String code() {
        return "INVALID_PRESCRIPTION";
    }
}
