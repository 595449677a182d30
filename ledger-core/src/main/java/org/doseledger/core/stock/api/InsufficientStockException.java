package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.Quantity;

/** No lot at any location may go below zero. */
public class InsufficientStockException extends LedgerRuleViolation {

    public InsufficientStockException(StockLotRef lot, Quantity requested, Quantity balance) {
        super("Cannot take " + requested + " from " + lot + ": only " + balance + " on hand");
    }

    @Override
    public String code() {
        return "INSUFFICIENT_STOCK";
    }
}
