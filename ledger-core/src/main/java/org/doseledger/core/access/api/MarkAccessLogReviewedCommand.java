package org.doseledger.core.access.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/**
 * A compliance officer has reviewed the practice's access log for the period [from, to); {@code
 * reviewedBy} is their printed name, {@code credentialId} the key they used, {@code note} optional.
 */
public record MarkAccessLogReviewedCommand(
        PracticeId practiceId,
        String reviewId,
        Instant from,
        Instant to,
        String reviewedBy,
        String credentialId,
        String note) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccessIds.reviewAggregateId(practiceId, reviewId);
    }
}
