package org.doseledger.projections.access;

import java.time.Instant;

/**
 * The reads of client data by one credential with one declared purpose (null: none declared) and of one
 * kind in a period: how many, the first and the last. What a reviewer of the access log looks at first.
 */
public record AccessSummaryView(
        String credentialId, String role, String purpose, String kind, long reads, Instant firstAt, Instant lastAt) {}
