package org.doseledger.core.session.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** The command does not fit where the session is (not started, already discharged, cancelled). */
public class SessionStateException extends LedgerRuleViolation {

    private final String code;

    public SessionStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
