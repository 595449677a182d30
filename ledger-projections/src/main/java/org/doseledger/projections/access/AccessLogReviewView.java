package org.doseledger.projections.access;

import java.time.Instant;

/** A compliance officer's review of the access log for [from, to). */
public record AccessLogReviewView(
        long ledgerPosition,
        String reviewId,
        Instant from,
        Instant to,
        String reviewedBy,
        String credentialId,
        String note,
        Instant recordedAt) {}
