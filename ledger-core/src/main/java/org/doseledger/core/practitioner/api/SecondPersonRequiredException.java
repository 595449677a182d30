package org.doseledger.core.practitioner.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A witness or co-signer must be a different person from the one acting. */
public class SecondPersonRequiredException extends LedgerRuleViolation {

    public SecondPersonRequiredException(String actor, StockAction action) {
        super("A " + action.name().toLowerCase() + " by a practitioner other than " + actor + " is required");
    }

    @Override
    public String code() {
        return "SECOND_PERSON_REQUIRED";
    }
}
