package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** The practitioner who drew a dose wastes what is left of it. */
public class WasteNotByDrawerException extends LedgerRuleViolation {

    public WasteNotByDrawerException(String drawId, String drawnBy, String wastedBy) {
        super("Draw " + drawId + " was drawn by " + drawnBy + "; " + wastedBy + " cannot waste it");
    }

    @Override
    public String code() {
        return "WASTE_NOT_BY_DRAWER";
    }
}
