package org.doseledger.core.stock.api;

import java.time.LocalDate;
import org.doseledger.core.shared.LedgerRuleViolation;

/** One lot has one expiry date; a receipt that says otherwise names the wrong lot or expiry. */
public class LotExpiryMismatchException extends LedgerRuleViolation {

    public LotExpiryMismatchException(StockLotRef lot, LocalDate recorded, LocalDate received) {
        super("The " + lot + " expires on " + recorded + ", but this receipt says " + received);
    }

    @Override
    public String code() {
        return "LOT_EXPIRY_MISMATCH";
    }
}
