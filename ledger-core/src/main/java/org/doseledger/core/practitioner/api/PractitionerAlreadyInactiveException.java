package org.doseledger.core.practitioner.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A practitioner is deactivated once. */
public class PractitionerAlreadyInactiveException extends LedgerRuleViolation {

    public PractitionerAlreadyInactiveException(String practitionerId) {
        super("Practitioner " + practitionerId + " is already inactive");
    }

    @Override
    public String code() {
        return "PRACTITIONER_ALREADY_INACTIVE";
    }
}
