package org.doseledger.core.export.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A PDMP file cannot have been submitted, accepted or rejected before it was generated. */
public class PdmpSubmissionBeforeGenerationException extends LedgerRuleViolation {

    public PdmpSubmissionBeforeGenerationException(String exportId, Instant at, Instant generatedAt) {
        super("Export " + exportId + " was generated at " + generatedAt + "; its submission status cannot date from "
                + at);
    }

    @Override
    public String code() {
        return "PDMP_SUBMISSION_BEFORE_GENERATION";
    }
}
