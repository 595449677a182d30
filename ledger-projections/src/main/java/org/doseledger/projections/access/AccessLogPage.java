package org.doseledger.projections.access;

import java.util.List;

/**
 * A page of the access log. {@code nextAfterPosition} is the cursor of the next page, absent when this
 * page was not full; pages are keyed by ledger position, so a page read again holds the same entries.
 */
public record AccessLogPage(String practiceId, List<AccessLogEntryView> entries, int limit, Long nextAfterPosition) {}
