package org.doseledger.core.client.api;

import java.math.BigDecimal;
import java.time.Duration;
import org.doseledger.core.shared.Route;

/**
 * What a treatment plan prescribes: how many dosing, preparation and integration sessions, the route,
 * the dose range and maximum single dose in mg, and the minimum interval between dosing sessions.
 */
public record TreatmentPlanTerms(
        int dosingSessions,
        int preparationSessions,
        int integrationSessions,
        Route route,
        BigDecimal minDoseMg,
        BigDecimal maxDoseMg,
        BigDecimal maxSingleDoseMg,
        Duration minIntervalBetweenDoses) {}
