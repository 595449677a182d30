package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * Who may hand a client a take-home dose is state law: a nurse dispenses one only where the practice's
 * policy ({@code nursesMayDispenseTakeHome}) says its state permits it; a prescriber always may.
 */
public class TakeHomeDispensingNotPermittedException extends LedgerRuleViolation {

    public TakeHomeDispensingNotPermittedException(String practitionerId) {
        super("Practitioner " + practitionerId + " is a nurse, and the practice's policy does not let nurses"
                + " dispense take-home doses (nursesMayDispenseTakeHome)");
    }

    @Override
    public String code() {
        return "TAKE_HOME_DISPENSING_NOT_PERMITTED";
    }
}
