package org.doseledger.core.session.api;

import java.util.Optional;
import org.doseledger.core.shared.PracticeId;

/** Looks up a practice's dosing sessions for the rules on draws (kept in the command's transaction). */
public interface Sessions {

    Optional<SessionFacts> find(PracticeId practiceId, String sessionId);
}
