package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** An entry is corrected once; a further change corrects the correction's result with a new entry. */
public class EntryAlreadyCorrectedException extends LedgerRuleViolation {

    public EntryAlreadyCorrectedException(String eventId, String correctionId) {
        super("Entry " + eventId + " was already corrected by " + correctionId);
    }

    @Override
    public String code() {
        return "ENTRY_ALREADY_CORRECTED";
    }
}
