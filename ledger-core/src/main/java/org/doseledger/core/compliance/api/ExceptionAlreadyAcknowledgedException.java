package org.doseledger.core.compliance.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** An exception is acknowledged once; what happens next is its resolution. */
public class ExceptionAlreadyAcknowledgedException extends LedgerRuleViolation {

    public ExceptionAlreadyAcknowledgedException(String exceptionId, String by) {
        super("Exception " + exceptionId + " was already acknowledged by " + by + "; resolve it with a note");
    }

    @Override
    public String code() {
        return "EXCEPTION_ALREADY_ACKNOWLEDGED";
    }
}
