package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** Only quantity-bearing entries of this lot can be corrected; transfers are undone by a transfer back, counts by a new count. */
public class EntryNotCorrectableException extends LedgerRuleViolation {

    public EntryNotCorrectableException(String eventId, String why) {
        super("Entry " + eventId + " cannot be corrected: " + why);
    }

    @Override
    public String code() {
        return "ENTRY_NOT_CORRECTABLE";
    }
}
