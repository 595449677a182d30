package org.doseledger.core.stock.api;

import java.time.LocalDate;
import org.doseledger.core.shared.LedgerRuleViolation;

/** An expired lot may be destroyed or returned, never drawn. */
public class LotExpiredException extends LedgerRuleViolation {

    public LotExpiredException(StockLotRef lot, LocalDate expiredOn, LocalDate usedOn) {
        super("The " + lot + " cannot be used on " + usedOn + ": it expired on " + expiredOn);
    }

    @Override
    public String code() {
        return "LOT_EXPIRED";
    }
}
