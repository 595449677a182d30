package org.doseledger.projections.consistency;

import java.math.BigDecimal;
import java.time.Instant;

/** A session whose dose lies outside the practice's fences for its route: {@code HIGH} or {@code LOW}. */
public record OutlierView(
        String clientId,
        String sessionId,
        String practitionerId,
        Instant at,
        BigDecimal administeredMilligrams,
        String side) {}
