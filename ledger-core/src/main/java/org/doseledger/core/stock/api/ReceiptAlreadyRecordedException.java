package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A receipt id names one receipt; recording it again would count the stock twice. */
public class ReceiptAlreadyRecordedException extends LedgerRuleViolation {

    public ReceiptAlreadyRecordedException(StockLotRef lot, String receiptId) {
        super("Receipt " + receiptId + " is already recorded on " + lot);
    }

    @Override
    public String code() {
        return "RECEIPT_ALREADY_RECORDED";
    }
}
