package org.doseledger.core.client;

import java.math.BigDecimal;
import org.doseledger.core.client.api.DoseBasis;
import org.doseledger.core.client.api.TreatmentPlanException;
import org.doseledger.core.client.api.TreatmentPlanTerms;

/** The consistency a treatment plan's terms must have before a prescriber's approval is recorded. */
final class TreatmentPlans {

    private TreatmentPlans() {}

    static void requireConsistent(TreatmentPlanTerms terms) {
        if (terms.dosingSessions() < 1 || terms.preparationSessions() < 0 || terms.integrationSessions() < 0) {
            throw invalid("a plan needs at least one dosing session and no negative session counts");
        }
        if (terms.minDose().signum() <= 0 || terms.minDose().compareTo(terms.maxDose()) > 0) {
            throw invalid(
                    "the dose range " + terms.minDose() + "-" + terms.maxDose() + unit(terms) + " is not a range");
        }
        BigDecimal maxSingle = terms.maxSingleDose();
        if (maxSingle.compareTo(terms.minDose()) < 0) {
            throw invalid("the maximum single dose " + maxSingle + unit(terms) + " is below the plan's lowest dose");
        }
        if (terms.minIntervalBetweenDoses().isNegative()) {
            throw invalid("the minimum interval between doses cannot be negative");
        }
    }

    private static String unit(TreatmentPlanTerms terms) {
        return terms.doseBasis() == DoseBasis.MG_PER_KG ? " mg/kg" : " mg";
    }

    private static TreatmentPlanException invalid(String why) {
        return new TreatmentPlanException(
                "TREATMENT_PLAN_INCONSISTENT", "Treatment plan terms are inconsistent: " + why);
    }
}
