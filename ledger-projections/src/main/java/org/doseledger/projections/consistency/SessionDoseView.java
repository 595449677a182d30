package org.doseledger.projections.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One dosing session judged for consistency: the dose in mg and mg/kg (against the weight on record
 * then) and the plan in force, the change and interval from the client's previous dosed session, the
 * share of what was drawn that was wasted, how long after drawing the dose was given and the rest
 * wasted, the overrides with their rationale, the vitals taken, and the flags raised, each naming its
 * rule: the plan rules the ledger recorded on the administration ({@code ABOVE_PLAN_MAXIMUM},
 * {@code INTERVAL_BELOW_MINIMUM}, ...) and {@code MISSING_VITALS} when a dose was given and no vitals
 * were recorded in the session.
 */
public record SessionDoseView(
        String clientId,
        String sessionId,
        Instant at,
        String substance,
        String locationId,
        List<String> routes,
        BigDecimal drawnMilligrams,
        BigDecimal administeredMilligrams,
        BigDecimal wastedMilligrams,
        BigDecimal wasteShare,
        BigDecimal weightKilograms,
        BigDecimal milligramsPerKilogram,
        PlanInForceView plan,
        BigDecimal changeFromPreviousPercent,
        Duration intervalFromPrevious,
        Duration drawToAdministerDelay,
        Duration drawToWasteDelay,
        List<String> drawnBy,
        List<String> administeredBy,
        JsonNode overrides,
        int vitalsRecorded,
        List<String> flags,
        BigDecimal takeHomeMilligrams) {

    /** The session with its overrides as a reader sees them (their rationales opened). */
    public SessionDoseView withOverrides(JsonNode opened) {
        return with(opened, takeHomeMilligrams);
    }

    /** The session with the take-home mg dispensed to its client from it until their next dosed session. */
    public SessionDoseView withTakeHome(BigDecimal milligrams) {
        return with(overrides, milligrams);
    }

    private SessionDoseView with(JsonNode overrides, BigDecimal takeHomeMilligrams) {
        return new SessionDoseView(
                clientId,
                sessionId,
                at,
                substance,
                locationId,
                routes,
                drawnMilligrams,
                administeredMilligrams,
                wastedMilligrams,
                wasteShare,
                weightKilograms,
                milligramsPerKilogram,
                plan,
                changeFromPreviousPercent,
                intervalFromPrevious,
                drawToAdministerDelay,
                drawToWasteDelay,
                drawnBy,
                administeredBy,
                overrides,
                vitalsRecorded,
                flags,
                takeHomeMilligrams);
    }
}
