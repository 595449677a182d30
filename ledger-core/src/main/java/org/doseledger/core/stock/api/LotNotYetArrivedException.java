package org.doseledger.core.stock.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * Nothing happens to a lot at a location before it arrived there: no draw, count, transfer, return,
 * loss or destruction dated before the lot's first receipt or transfer into that location.
 */
public class LotNotYetArrivedException extends LedgerRuleViolation {

    public LotNotYetArrivedException(StockLotRef lot, Instant arrivedAt, Instant occurredAt) {
        super("The " + lot + " did not arrive there until " + arrivedAt + "; nothing can happen to it at "
                + occurredAt);
    }

    @Override
    public String code() {
        return "LOT_NOT_YET_ARRIVED";
    }
}
