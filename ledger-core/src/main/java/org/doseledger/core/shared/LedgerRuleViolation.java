package org.doseledger.core.shared;

/**
 * A command broke a rule of the ledger. Each subclass has a stable {@link #code()} that clients can
 * branch on; the message names the ids and values involved.
 */
public abstract class LedgerRuleViolation extends RuntimeException {

    protected LedgerRuleViolation(String message) {
        super(message);
    }

    /** Stable UPPER_SNAKE_CASE identifier of the rule, part of the public API. */
    public abstract String code();
}
