package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A draw id names one draw. */
public class DrawAlreadyRecordedException extends LedgerRuleViolation {

    public DrawAlreadyRecordedException(StockLotRef lot, String drawId) {
        super("Draw " + drawId + " is already recorded on " + lot);
    }

    @Override
    public String code() {
        return "DRAW_ALREADY_RECORDED";
    }
}
