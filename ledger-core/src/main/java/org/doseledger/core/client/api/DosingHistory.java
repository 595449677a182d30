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

    /** An earlier dosing session: when its last dose was given and how much it gave in total. */
    record PastSession(String sessionId, Instant lastDoseAt, java.math.BigDecimal totalMg) {}
}
