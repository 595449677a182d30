package org.doseledger.core.client.api;

import java.time.Instant;
import java.util.Optional;
import org.doseledger.core.shared.ClientRef;

/** What a dose is judged against: the client's active treatment plan and the doses given before it. */
public interface DosingHistory {

    Optional<TreatmentPlanTerms> activePlan(ClientRef client);

    /** Milligrams already given in this dosing session, before the dose being judged. */
    java.math.BigDecimal givenInSession(ClientRef client, String sessionId);

    /** The latest earlier dosing session of the client (not {@code sessionId}) before {@code at}. */
    Optional<PastSession> previousSession(ClientRef client, String sessionId, Instant at);

    /** Whether the client had a medical clearance valid at that moment (given before, not yet expired). */
    boolean hasValidClearance(ClientRef client, Instant at);

    /** The blood-pressure limits of the client's clearances valid at that moment (the strictest of each). */
    Optional<BloodPressure> clearanceLimit(ClientRef client, Instant at);

    /** The client's latest weight in kilograms measured at or before that moment. */
    Optional<java.math.BigDecimal> weightKg(ClientRef client, Instant at);

    /** The last blood pressure taken in the session at or before that moment. */
    Optional<BloodPressure> latestBloodPressure(ClientRef client, String sessionId, Instant at);

    /**
     * The clients of the earlier take-home fills of a prescription number in the practice, in the order
     * they were filled (a fill struck by a correction does not count); empty when it was never filled.
     */
    default java.util.List<String> prescriptionFills(org.doseledger.core.shared.PracticeId practiceId, String number) {
        return java.util.List.of();
    }

    /** Systolic and diastolic pressure in mmHg; either may be null in a limit that sets only one. */
    record BloodPressure(Integer systolicMmHg, Integer diastolicMmHg) {

        /** Whether this reading is above the limit in either value. */
        public boolean exceeds(BloodPressure limit) {
            return (limit.systolicMmHg() != null && systolicMmHg != null && systolicMmHg > limit.systolicMmHg())
                    || (limit.diastolicMmHg() != null
                            && diastolicMmHg != null
                            && diastolicMmHg > limit.diastolicMmHg());
        }
    }

    /** An earlier dosing session: when its last dose was given and how much it gave in total. */
    record PastSession(String sessionId, Instant lastDoseAt, java.math.BigDecimal totalMg) {}
}
