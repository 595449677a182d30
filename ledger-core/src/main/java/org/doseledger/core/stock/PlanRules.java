package org.doseledger.core.stock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.doseledger.core.client.api.DoseBasis;
import org.doseledger.core.client.api.DosingHistory;
import org.doseledger.core.client.api.NoTreatmentPlanException;
import org.doseledger.core.client.api.NoValidClearanceException;
import org.doseledger.core.client.api.NoWeightOnRecordException;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Route;
import org.doseledger.core.stock.api.DoseOutsidePlanException;
import org.doseledger.core.stock.api.DoseOverride;

/**
 * Consistent dosing against the client's treatment plan. Above the plan's maximum single dose, sooner
 * than its minimum interval after the previous session, or by another route: refused unless a
 * rationale and a second prescriber's approval come with the dose. An increase over the previous
 * session's total beyond the practice's limit (25% by default), or a session's total above the top of
 * the plan's dose range: refused unless a rationale comes with it. A plan in mg/kg is judged against
 * the client's latest weight recorded before the dose; without one, no dose. Every departure is named in the dose's flags. Without a plan on record, no plan rule applies.
 * Where the practice requires it, no dose without a medical clearance valid at the time; a blood
 * pressure above the clearance's limit, taken in the session before the dose, needs the same override
 * as a dose outside the plan.
 */
final class PlanRules {

    private PlanRules() {}

    /** The plan rules the dose departs from; throws when a departure lacks its justification. */
    /**
     * Whether the client may be dosed at all at that moment: a medical clearance valid then where the
     * practice requires one, and an active treatment plan unless the practice waives it. Checked at the
     * draw, so that no stock leaves the safe for a client who cannot be dosed, and again at the dose.
     */
    static void requireDosable(DosingHistory history, ClientRef client, Instant at, PracticePolicies policies) {
        if (policies.requireMedicalClearance() && !history.hasValidClearance(client, at)) {
            throw new NoValidClearanceException(client.clientId(), at);
        }
        if (policies.requireTreatmentPlan() && history.activePlan(client).isEmpty()) {
            throw new NoTreatmentPlanException(client.clientId(), at);
        }
    }

    static List<String> check(
            DosingHistory history,
            Practitioners practitioners,
            ClientRef client,
            String sessionId,
            BigDecimal milligrams,
            Route route,
            Instant at,
            LocalDate on,
            String administeredBy,
            DoseOverride override,
            PracticePolicies policies) {
        requireDosable(history, client, at, policies);
        List<String> needApproval = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        Optional<DosingHistory.BloodPressure> bpLimit = history.clearanceLimit(client, at);
        Optional<DosingHistory.BloodPressure> pressure = history.latestBloodPressure(client, sessionId, at);
        if (bpLimit.isPresent() && pressure.isPresent() && pressure.get().exceeds(bpLimit.get())) {
            needApproval.add("BLOOD_PRESSURE_ABOVE_CLEARANCE");
        }
        Optional<TreatmentPlanTerms> plan = history.activePlan(client);
        if (plan.isEmpty()) {
            return justified(needApproval, flags, milligrams, override, practitioners, client, administeredBy, at, on);
        }
        TreatmentPlanTerms terms = plan.get();
        BigDecimal sessionTotal = history.givenInSession(client, sessionId).add(milligrams);
        BigDecimal kilograms = terms.doseBasis() == DoseBasis.MG_PER_KG
                ? history.weightKg(client, at).orElseThrow(() -> new NoWeightOnRecordException(client.clientId(), at))
                : null;
        if (milligrams.compareTo(terms.inMg(terms.maxSingleDose(), kilograms)) > 0) {
            needApproval.add("ABOVE_PLAN_MAXIMUM");
        }
        if (sessionTotal.compareTo(terms.inMg(terms.maxDose(), kilograms)) > 0) {
            flags.add("ABOVE_PLAN_RANGE");
        }
        if (route != terms.route()) {
            needApproval.add("ROUTE_OUTSIDE_PLAN");
        }
        Optional<DosingHistory.PastSession> previous = history.previousSession(client, sessionId, at);
        if (previous.isPresent()) {
            Duration since = Duration.between(previous.get().lastDoseAt(), at);
            if (since.compareTo(terms.minIntervalBetweenDoses()) < 0) {
                needApproval.add("INTERVAL_BELOW_MINIMUM");
            }
            BigDecimal limit = BigDecimal.valueOf(100L + policies.doseIncreaseLimitPercent())
                    .divide(BigDecimal.valueOf(100));
            if (sessionTotal.compareTo(previous.get().totalMg().multiply(limit)) > 0) {
                flags.add("INCREASE_ABOVE_POLICY_LIMIT");
            }
        }
        return justified(needApproval, flags, milligrams, override, practitioners, client, administeredBy, at, on);
    }

    private static List<String> justified(
            List<String> needApproval,
            List<String> flags,
            BigDecimal milligrams,
            DoseOverride override,
            Practitioners practitioners,
            ClientRef client,
            String administeredBy,
            Instant at,
            LocalDate on) {
        flags.addAll(0, needApproval);
        if (flags.isEmpty()) {
            return List.of();
        }
        if (override == null || !override.hasRationale()) {
            throw new DoseOutsidePlanException(
                    needApproval.isEmpty() ? "DOSE_CHANGE_NEEDS_RATIONALE" : "DOSE_OUTSIDE_PLAN",
                    "The dose of " + milligrams.toPlainString() + " mg departs from the treatment plan or clearance "
                            + flags
                            + ": give override.rationale"
                            + (needApproval.isEmpty() ? "" : " and override.approvedBy, a second prescriber"));
        }
        if (!needApproval.isEmpty()) {
            PractitionerChecks.requireSecondPerson(
                    practitioners, client.practiceId(), administeredBy, override.approvedBy(), StockAction.APPROVE, at);
            PractitionerChecks.requireCredentialed(
                    practitioners, client.practiceId(), override.approvedBy(), StockAction.PRESCRIBE, at, on);
        }
        return List.copyOf(flags);
    }
}
