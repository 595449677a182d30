package org.doseledger.core.export.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A PDMP file's status moves GENERATED or REJECTED to SUBMITTED, and SUBMITTED to ACCEPTED or REJECTED;
 * an accepted file is final.
 */
public class PdmpSubmissionOutOfOrderException extends LedgerRuleViolation {

    public PdmpSubmissionOutOfOrderException(String exportId, String current, PdmpSubmissionStatus next) {
        super("The PDMP file of export " + exportId + " is " + current + ": it cannot become " + next
                + " (GENERATED or REJECTED -> SUBMITTED -> ACCEPTED or REJECTED; ACCEPTED is final)");
    }

    @Override
    public String code() {
        return "PDMP_SUBMISSION_OUT_OF_ORDER";
    }
}
