package org.doseledger.api.write;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A retry of an administrative action whose first call, with the same Idempotency-Key, still runs. */
public class ActionInProgressException extends LedgerRuleViolation {

    public ActionInProgressException(String key) {
        super("The action requested with Idempotency-Key '" + key + "' is still running; ask again when it is done"
                + " to get its answer");
    }

    @Override
    public String code() {
        return "ACTION_IN_PROGRESS";
    }
}
