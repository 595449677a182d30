package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** Stock arriving for a lot must match what the lot already is (strength, unit). */
public class LotDetailsMismatchException extends LedgerRuleViolation {

    public LotDetailsMismatchException(StockLotRef lot, String detail) {
        super("The " + lot + " does not match: " + detail);
    }

    @Override
    public String code() {
        return "LOT_DETAILS_MISMATCH";
    }
}
