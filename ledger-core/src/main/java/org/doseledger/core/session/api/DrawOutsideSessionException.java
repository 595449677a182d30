package org.doseledger.core.session.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A dose belongs to a real session: one of the same client, for the same substance, started and not yet
 * discharged when the dose is drawn. Codes: {@code SESSION_OF_ANOTHER_CLIENT},
 * {@code SESSION_FOR_ANOTHER_SUBSTANCE}, {@code SESSION_NOT_IN_PROGRESS}.
 */
public class DrawOutsideSessionException extends LedgerRuleViolation {

    private final String code;

    public DrawOutsideSessionException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
