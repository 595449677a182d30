package org.doseledger.core.session.api;

import java.time.Instant;
import java.util.Optional;
import org.doseledger.core.shared.PracticeId;

/** Looks up a practice's dosing sessions for the rules on draws and discharge (kept in the command's transaction). */
public interface Sessions {

    Optional<SessionFacts> find(PracticeId practiceId, String sessionId);

    /** When doses of the session were administered, first and last; empty while none was. */
    Optional<Administrations> administrations(PracticeId practiceId, String sessionId);

    /** The first and the last administration of a session's doses (the same moment for a single dose). */
    record Administrations(Instant first, Instant last) {}
}
