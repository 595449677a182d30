package org.doseledger.projections.access;

import java.time.Instant;
import org.doseledger.core.shared.PracticeId;

/** How a practice's client data was read in [from, to): grouped by credential, role, purpose and kind. */
public record FindAccessSummaryQuery(PracticeId practiceId, Instant from, Instant to) {}
