package org.doseledger.projections.consistency;

import java.math.BigDecimal;

/** Count, minimum, quartiles, maximum and mean of administered doses in mg. */
public record DoseStatsView(
        int sessions,
        BigDecimal minMilligrams,
        BigDecimal q1Milligrams,
        BigDecimal medianMilligrams,
        BigDecimal q3Milligrams,
        BigDecimal maxMilligrams,
        BigDecimal meanMilligrams) {}
