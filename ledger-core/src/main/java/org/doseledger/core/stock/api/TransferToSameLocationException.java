package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A transfer moves stock between two different locations. */
public class TransferToSameLocationException extends LedgerRuleViolation {

    public TransferToSameLocationException(StockLotRef lot) {
        super("The " + lot + " cannot be transferred to its own location");
    }

    @Override
    public String code() {
        return "TRANSFER_TO_SAME_LOCATION";
    }
}
