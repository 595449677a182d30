package org.doseledger.core.stock.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.Quantity;

/** No lot at any location may go below zero. */
public class InsufficientStockException extends LedgerRuleViolation {

    public InsufficientStockException(StockLotRef lot, Quantity requested, Quantity balance) {
        super("Cannot take " + requested + " from " + lot + ": only " + balance + " on hand");
    }

    /**
     * A backdated removal that would leave the lot below zero at some moment after it: {@code lowest} is
     * the least the lot held from {@code at} on.
     */
    public InsufficientStockException(StockLotRef lot, Quantity requested, Quantity lowest, Instant at) {
        super("Cannot take " + requested + " from " + lot + " at " + at + ": it held only " + lowest
                + " at some moment since, and no lot may go below zero at any moment");
    }

    @Override
    public String code() {
        return "INSUFFICIENT_STOCK";
    }
}
