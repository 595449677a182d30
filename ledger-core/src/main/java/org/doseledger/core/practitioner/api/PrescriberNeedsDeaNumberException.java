package org.doseledger.core.practitioner.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A prescriber of a controlled substance must hold a DEA registration. */
public class PrescriberNeedsDeaNumberException extends LedgerRuleViolation {

    public PrescriberNeedsDeaNumberException(String practitionerId) {
        super("Practitioner " + practitionerId + " is registered as a prescriber without a DEA number");
    }

    @Override
    public String code() {
        return "PRESCRIBER_NEEDS_DEA_NUMBER";
    }
}
