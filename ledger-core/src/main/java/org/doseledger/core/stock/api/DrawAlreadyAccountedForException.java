package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A closed draw takes no more administrations or waste. */
public class DrawAlreadyAccountedForException extends LedgerRuleViolation {

    public DrawAlreadyAccountedForException(String drawId) {
        super("Draw " + drawId + " is already fully accounted for");
    }

    @Override
    public String code() {
        return "DRAW_ALREADY_ACCOUNTED_FOR";
    }
}
