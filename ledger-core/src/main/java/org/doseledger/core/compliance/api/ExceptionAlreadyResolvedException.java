package org.doseledger.core.compliance.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A resolved exception is closed: it is neither acknowledged nor resolved again. */
public class ExceptionAlreadyResolvedException extends LedgerRuleViolation {

    public ExceptionAlreadyResolvedException(String exceptionId) {
        super("Exception " + exceptionId + " is already resolved");
    }

    @Override
    public String code() {
        return "EXCEPTION_ALREADY_RESOLVED";
    }
}
