package org.doseledger.projections.access;

import org.doseledger.core.shared.PracticeId;

/**
 * A page of a practice's access log in ledger order: the accesses after {@code afterPosition}
 * (exclusive) that match the filter, at most {@code limit}; ledger-wide exports included.
 */
public record FindAccessLogQuery(PracticeId practiceId, AccessLogFilter filter, long afterPosition, int limit) {}
