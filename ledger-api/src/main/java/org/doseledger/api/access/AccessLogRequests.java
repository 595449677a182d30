package org.doseledger.api.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.core.access.api.MarkAccessLogReviewedCommand;
import org.doseledger.core.shared.PracticeId;

/** Request bodies of the access log. */
final class AccessLogRequests {

    private AccessLogRequests() {}

    /**
     * @param from start of the reviewed period (inclusive)
     * @param to end of the reviewed period (exclusive); not in the future
     * @param reviewedBy the officer's printed name (and title), as they would sign a paper log
     * @param note what they found (optional)
     */
    record ReviewRequest(
            @NotNull Instant from,
            @NotNull Instant to,
            @NotBlank @Size(max = 200) String reviewedBy,
            @Size(max = 4000) String note) {

        MarkAccessLogReviewedCommand toCommand(PracticeId practiceId, String reviewId, ApiCredential credential) {
            return new MarkAccessLogReviewedCommand(
                    practiceId, reviewId, from, to, reviewedBy.strip(), credential.id(), note);
        }
    }
}
