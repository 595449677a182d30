package org.doseledger.core.session.api;

import org.doseledger.core.shared.PracticeId;

/** A dosing session of a practice; its id is chosen by the practice software and shared with its draws. */
public record SessionRef(PracticeId practiceId, String sessionId) {

    /** The event-store identifier of the session's stream. */
    @Override
    public String toString() {
        return "session:" + practiceId.value() + ":" + sessionId;
    }
}
