package org.doseledger.core.session.api;

import java.time.Instant;
import org.doseledger.core.shared.Substance;

/**
 * What a draw needs to know of the session it names: whose it is, for which substance, and when it
 * started and ended.
 *
 * @param startedAt null while the session is only scheduled
 * @param dischargedAt null until the client is discharged
 * @param cancelled whether it was cancelled before it started
 */
public record SessionFacts(
        String sessionId,
        String clientId,
        Substance substance,
        Instant startedAt,
        Instant dischargedAt,
        boolean cancelled) {

    /**
     * Why a dose of {@code substance} drawn for {@code clientId} at {@code at} does not belong to this
     * session, or null when it does: the session is the client's, for that substance, started by then
     * and the client not yet discharged.
     */
    public DrawOutsideSessionException problemWithDraw(String clientId, Substance substance, Instant at) {
        if (!this.clientId.equals(clientId)) {
            return new DrawOutsideSessionException(
                    "SESSION_OF_ANOTHER_CLIENT",
                    "Session " + sessionId + " is a session of another client, not of " + clientId);
        }
        if (this.substance != substance) {
            return new DrawOutsideSessionException(
                    "SESSION_FOR_ANOTHER_SUBSTANCE",
                    "Session " + sessionId + " is a " + this.substance + " session; a " + substance
                            + " dose cannot be drawn for it");
        }
        if (cancelled || startedAt == null || at.isBefore(startedAt)) {
            return new DrawOutsideSessionException(
                    "SESSION_NOT_IN_PROGRESS",
                    "Session " + sessionId
                            + (cancelled
                                    ? " was cancelled"
                                    : startedAt == null ? " has not started" : " started only at " + startedAt)
                            + "; no dose can be drawn for it at " + at);
        }
        if (dischargedAt != null && !at.isBefore(dischargedAt)) {
            return new DrawOutsideSessionException(
                    "SESSION_NOT_IN_PROGRESS",
                    "The client was discharged from session " + sessionId + " at " + dischargedAt
                            + "; no dose can be drawn for it at " + at);
        }
        return null;
    }
}
