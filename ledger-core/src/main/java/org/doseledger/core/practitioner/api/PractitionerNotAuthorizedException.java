package org.doseledger.core.practitioner.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** The named practitioner is unknown to the practice, inactive, or not allowed to do this. */
public class PractitionerNotAuthorizedException extends LedgerRuleViolation {

    public PractitionerNotAuthorizedException(String practitionerId, StockAction action, String why) {
        super("Practitioner " + practitionerId + " may not " + action.name().toLowerCase() + ": " + why);
    }

    @Override
    public String code() {
        return "PRACTITIONER_NOT_AUTHORIZED";
    }
}
