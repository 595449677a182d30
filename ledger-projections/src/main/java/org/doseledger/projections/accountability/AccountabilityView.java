package org.doseledger.projections.accountability;

import java.time.Instant;
import java.util.List;

/** The accountability of every lot that had an entry by {@code asOf}, as known at {@code knownAt}. */
public record AccountabilityView(
        String practiceId, Instant asOf, Instant knownAt, Instant from, List<LotAccountabilityView> lots) {}
