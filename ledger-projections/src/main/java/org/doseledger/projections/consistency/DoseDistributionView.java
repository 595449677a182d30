package org.doseledger.projections.consistency;

import java.time.Instant;
import java.util.List;

/** A practice's administered doses, per substance and route, per practitioner, with outliers marked. */
public record DoseDistributionView(String practiceId, Instant from, Instant to, List<RouteDistributionView> groups) {}
