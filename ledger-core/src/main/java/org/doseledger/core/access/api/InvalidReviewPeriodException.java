package org.doseledger.core.access.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A reviewed period ends after it starts, and not after the review is recorded. */
public class InvalidReviewPeriodException extends LedgerRuleViolation {

    private InvalidReviewPeriodException(String message) {
        super(message);
    }

    public static InvalidReviewPeriodException empty(Instant from, Instant to) {
        return new InvalidReviewPeriodException(
                "The reviewed period must end after it starts: from " + from + ", to " + to);
    }

    public static InvalidReviewPeriodException inTheFuture(Instant to, Instant now) {
        return new InvalidReviewPeriodException(
                "The reviewed period ends at " + to + ", after the review is recorded at " + now);
    }

    @Override
    public String code() {
        return "INVALID_REVIEW_PERIOD";
    }
}
