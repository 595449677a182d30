package org.doseledger.core.stock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.doseledger.core.client.api.DosingHistory;
import org.doseledger.core.client.api.TreatmentPlanTerms;
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
 * rationale and a second prescriber's approval come with the dose. An increase of more than 25% over
 * the previous session's total: refused unless a rationale comes with it. Every departure is named in
 * the dose's flags. Without a plan on record, no plan rule applies.
 */
final class PlanRules {

    static final BigDecimal CHANGE_LIMIT = new BigDecimal("1.25");

    private PlanRules() {}

    /** The plan rules the dose departs from; throws when a departure lacks its justification. */
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
            DoseOverride override) {
        Optional<TreatmentPlanTerms> plan = history.activePlan(client);
        if (plan.isEmpty()) {
            return List.of();
        }
        TreatmentPlanTerms terms = plan.get();
        List<String> needApproval = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        BigDecimal sessionTotal = history.givenInSession(client, sessionId).add(milligrams);
        if (milligrams.compareTo(terms.maxSingleDoseMg()) > 0) {
            needApproval.add("ABOVE_PLAN_MAXIMUM");
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
            if (sessionTotal.compareTo(previous.get().totalMg().multiply(CHANGE_LIMIT)) > 0) {
                flags.add("INCREASE_ABOVE_25_PERCENT");
            }
        }
        flags.addAll(0, needApproval);
        if (flags.isEmpty()) {
            return List.of();
        }
        if (override == null
                || override.rationale() == null
                || override.rationale().isBlank()) {
            throw new DoseOutsidePlanException(
                    needApproval.isEmpty() ? "DOSE_CHANGE_NEEDS_RATIONALE" : "DOSE_OUTSIDE_PLAN",
                    "The dose of " + milligrams.toPlainString() + " mg departs from the treatment plan " + flags
                            + ": give override.rationale"
                            + (needApproval.isEmpty() ? "" : " and override.approvedBy, a second prescriber"));
        }
        if (!needApproval.isEmpty()) {
            PractitionerChecks.requireSecondPerson(
                    practitioners, client.practiceId(), administeredBy, override.approvedBy(), StockAction.APPROVE);
            PractitionerChecks.requireCredentialed(
                    practitioners, client.practiceId(), override.approvedBy(), StockAction.PRESCRIBE, on);
        }
        return List.copyOf(flags);
    }
}
