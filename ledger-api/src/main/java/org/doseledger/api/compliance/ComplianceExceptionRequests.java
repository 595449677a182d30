package org.doseledger.api.compliance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.doseledger.core.compliance.api.AcknowledgeExceptionCommand;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.compliance.api.ResolveExceptionCommand;
import org.doseledger.core.shared.PracticeId;

/** Request bodies of the compliance-exception reviews. */
final class ComplianceExceptionRequests {

    private ComplianceExceptionRequests() {}

    /**
     * @param reviewedBy the officer's printed name (and title), as they would sign a paper log
     * @param note what they are doing about it (optional)
     */
    record AcknowledgeRequest(
            @NotBlank @Size(max = 200) String reviewedBy,
            @Size(max = 4000) String note) {

        AcknowledgeExceptionCommand toCommand(PracticeId practiceId, String exceptionId, ExceptionKind kind) {
            return new AcknowledgeExceptionCommand(practiceId, exceptionId, kind, reviewedBy.strip(), note);
        }
    }

    /**
     * @param reviewedBy the officer's printed name (and title)
     * @param note what was done, or why nothing had to be (required)
     */
    record ResolveRequest(
            @NotBlank @Size(max = 200) String reviewedBy,
            @NotBlank @Size(max = 4000) String note) {

        ResolveExceptionCommand toCommand(PracticeId practiceId, String exceptionId, ExceptionKind kind) {
            return new ResolveExceptionCommand(practiceId, exceptionId, kind, reviewedBy.strip(), note);
        }
    }
}
