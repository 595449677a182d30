package org.doseledger.core.practice.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A practice's phone is ten digits and its contact person is named (DEA Forms 41 and 106, ASAP PHA10-11). */
public class InvalidPracticeContactException extends LedgerRuleViolation {

    public InvalidPracticeContactException(String problem) {
        super(problem);
    }

    @Override
    public String code() {
        return "INVALID_PRACTICE_CONTACT";
    }
}
