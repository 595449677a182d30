package org.doseledger.core.client.api;

import java.math.BigDecimal;
import java.time.Duration;
import org.doseledger.core.shared.Route;

/**
 * What a treatment plan prescribes: how many dosing, preparation and integration sessions, the route,
 * the dose range and maximum single dose, and the minimum interval between dosing sessions. The dose
 * figures are in mg, or in mg/kg when {@code doseBasis} says so (MG when absent).
 */
public record TreatmentPlanTerms(
        int dosingSessions,
        int preparationSessions,
        int integrationSessions,
        Route route,
        BigDecimal minDose,
        BigDecimal maxDose,
        BigDecimal maxSingleDose,
        Duration minIntervalBetweenDoses,
        DoseBasis doseBasis) {

    public TreatmentPlanTerms {
        // plans approved before mg/kg plans existed carry no basis: their figures are in mg
        doseBasis = doseBasis == null ? DoseBasis.MG : doseBasis;
    }

    /** Terms with doses in mg. */
    public TreatmentPlanTerms(
            int dosingSessions,
            int preparationSessions,
            int integrationSessions,
            Route route,
            BigDecimal minDose,
            BigDecimal maxDose,
            BigDecimal maxSingleDose,
            Duration minIntervalBetweenDoses) {
        this(
                dosingSessions,
                preparationSessions,
                integrationSessions,
                route,
                minDose,
                maxDose,
                maxSingleDose,
                minIntervalBetweenDoses,
                DoseBasis.MG);
    }

    /** One of the plan's dose figures in mg, for a client of that weight (not needed for a plan in mg). */
    public BigDecimal inMg(BigDecimal figure, BigDecimal kilograms) {
        return doseBasis == DoseBasis.MG ? figure : figure.multiply(kilograms);
    }
}
