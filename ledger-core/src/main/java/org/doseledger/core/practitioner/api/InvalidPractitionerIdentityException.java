package org.doseledger.core.practitioner.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A practitioner's legal name, when given, has a given and a family name (the PDMP file reports them
 * apart, ASAP PRE05/PRE06); an NPI, when given, is ten digits with a valid check digit (PRE01).
 */
public class InvalidPractitionerIdentityException extends LedgerRuleViolation {

    public InvalidPractitionerIdentityException(String problem) {
        super(problem);
    }

    @Override
    public String code() {
        return "INVALID_PRACTITIONER_IDENTITY";
    }
}
