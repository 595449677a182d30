package org.doseledger.core.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * A compliance officer reviewed the practice's access log for the period [from, to): who (printed
 * name and credential), an optional note, and when the review was recorded ({@code occurredAt}).
 */
@Revision("1")
public record AccessLogReviewedEvent(
        PracticeId practiceId,
        String reviewId,
        Instant from,
        Instant to,
        String reviewedBy,
        String credentialId,
        String note,
        Instant occurredAt)
        implements LedgerEvent {}
