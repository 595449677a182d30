package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.Quantity;

/** Administered plus wasted may never exceed what was drawn. */
public class DrawOverAccountedException extends LedgerRuleViolation {

    public DrawOverAccountedException(String drawId, Quantity requested, Quantity unaccounted) {
        super("Draw " + drawId + " has only " + unaccounted + " left to account for, not " + requested);
    }

    @Override
    public String code() {
        return "DRAW_OVER_ACCOUNTED";
    }
}
