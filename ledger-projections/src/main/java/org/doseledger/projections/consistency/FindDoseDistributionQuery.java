package org.doseledger.projections.consistency;

import java.time.Instant;
import org.doseledger.core.shared.PracticeId;

/** How a practice's doses are distributed per practitioner, per substance and route, within {@code [from, to)}. */
public record FindDoseDistributionQuery(PracticeId practiceId, Instant from, Instant to) {}
