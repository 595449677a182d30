package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * Stock moves between the practice's own locations under one DEA registration. Moving it to a location
 * held under another registration (another address) is a distribution between registrants, recorded by
 * the sender as a disposal to that registrant and by the receiver as a receipt from it (21 CFR
 * 1304.22(c), 1307.11), never as a transfer.
 */
public class TransferBetweenRegistrantsException extends LedgerRuleViolation {

    /** {@code from} and {@code to}: the registrations of the two locations, null for the practice's own. */
    public TransferBetweenRegistrantsException(StockLotRef lot, String toLocationId, String from, String to) {
        super("Cannot transfer the " + lot + " to " + toLocationId + ": stock there is held under " + name(to)
                + ", here under " + name(from) + "; moving it is a distribution between registrants, recorded as"
                + " a return to that registrant and a receipt there");
    }

    private static String name(String deaNumber) {
        return deaNumber == null ? "the practice's DEA registration" : "DEA registration " + deaNumber;
    }

    @Override
    public String code() {
        return "TRANSFER_BETWEEN_REGISTRANTS";
    }
}
