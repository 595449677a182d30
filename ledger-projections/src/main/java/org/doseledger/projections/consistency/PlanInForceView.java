package org.doseledger.projections.consistency;

import java.math.BigDecimal;

/**
 * The treatment plan version in force when a session took place: its dose range and single-dose
 * maximum, in mg or in mg/kg as {@code doseBasis} says, its route and minimum interval (ISO 8601).
 */
public record PlanInForceView(
        String planId,
        String route,
        String doseBasis,
        BigDecimal minDose,
        BigDecimal maxDose,
        BigDecimal maxSingleDose,
        String minIntervalBetweenDoses) {}
