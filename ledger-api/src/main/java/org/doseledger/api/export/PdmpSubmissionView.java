package org.doseledger.api.export;

import java.time.Instant;

/**
 * Where a PDMP file stands with the state: GENERATED (nothing recorded yet), SUBMITTED, ACCEPTED or
 * REJECTED, with the state's reference, the reason of a rejection and when the last change happened.
 */
public record PdmpSubmissionView(String status, String reference, String reason, Instant at) {}
