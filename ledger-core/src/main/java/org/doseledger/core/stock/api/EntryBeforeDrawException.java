package org.doseledger.core.stock.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A dose is administered or wasted after it was drawn, never before. */
public class EntryBeforeDrawException extends LedgerRuleViolation {

    public EntryBeforeDrawException(String drawId, Instant drawnAt, Instant occurredAt) {
        super("Draw " + drawId + " was drawn at " + drawnAt + "; nothing of it can be administered or wasted at "
                + occurredAt);
    }

    @Override
    public String code() {
        return "ENTRY_BEFORE_DRAW";
    }
}
