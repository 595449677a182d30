package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.StockUnit;

/** A quantity must be in the unit the product is counted in. */
public class QuantityUnitMismatchException extends LedgerRuleViolation {

    public QuantityUnitMismatchException(StockLotRef lot, StockUnit expected, StockUnit given) {
        super("The " + lot + " is counted in " + expected + ", not " + given);
    }

    @Override
    public String code() {
        return "QUANTITY_UNIT_MISMATCH";
    }
}
