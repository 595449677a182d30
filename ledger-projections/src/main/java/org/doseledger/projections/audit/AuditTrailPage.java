package org.doseledger.projections.audit;

import java.util.List;

/**
 * A page of the audit trail. {@code nextAfterPosition} is the cursor for the next page (the last
 * entry's position), absent when this page was not full. Pages are keyed by ledger position, so a
 * page read again later holds the same entries.
 */
public record AuditTrailPage(String practiceId, List<AuditTrailEntryView> entries, int limit, Long nextAfterPosition) {}
