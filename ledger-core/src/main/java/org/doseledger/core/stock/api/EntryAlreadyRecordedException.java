package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** An entry id names one entry; recording it again would count it twice. */
public class EntryAlreadyRecordedException extends LedgerRuleViolation {

    public EntryAlreadyRecordedException(StockLotRef lot, String kind, String entryId) {
        super("The " + kind + " " + entryId + " is already recorded on " + lot);
    }

    @Override
    public String code() {
        return "ENTRY_ALREADY_RECORDED";
    }
}
