package org.doseledger.core.practitioner.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** The practitioner's credentials did not allow the act on the day it occurred. */
public class PractitionerCredentialException extends LedgerRuleViolation {

    public PractitionerCredentialException(String practitionerId, StockAction action, String problem) {
        super("Practitioner " + practitionerId + " may not " + action.name().toLowerCase() + ": " + problem);
    }

    @Override
    public String code() {
        return "PRACTITIONER_CREDENTIAL_INVALID";
    }
}
