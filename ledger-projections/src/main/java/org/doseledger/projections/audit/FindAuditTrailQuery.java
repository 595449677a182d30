package org.doseledger.projections.audit;

import org.doseledger.core.shared.PracticeId;

/**
 * A page of a practice's audit trail in ledger order: the events after {@code afterPosition}
 * (exclusive) that match the filter, at most {@code limit}.
 */
public record FindAuditTrailQuery(PracticeId practiceId, AuditTrailFilter filter, long afterPosition, int limit) {}
