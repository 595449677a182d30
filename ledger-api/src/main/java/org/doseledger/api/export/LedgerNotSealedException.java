package org.doseledger.api.export;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * An export covers the ledger up to its last signed checkpoint, and there is none yet: the first is
 * sealed within {@code ledger.integrity.seal-interval} of the first events.
 */
class LedgerNotSealedException extends LedgerRuleViolation {

    LedgerNotSealedException() {
        super("The ledger has no signed checkpoint yet; an export covers the ledger up to its last checkpoint."
                + " Try again after the next seal");
    }

    @Override
    public String code() {
        return "LEDGER_NOT_SEALED";
    }
}
