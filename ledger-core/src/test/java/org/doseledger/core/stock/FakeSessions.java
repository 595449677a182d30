package org.doseledger.core.stock;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.session.api.SessionFacts;
import org.doseledger.core.session.api.Sessions;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;

/** In-memory dosing sessions; the shared fixture's {@link StockFixtures#SESSION_ID} is in progress. */
final class FakeSessions implements Sessions {

    private final Map<String, SessionFacts> sessions = new HashMap<>();

    /** A ketamine session of the client, started long before any entry of the tests and not yet ended. */
    FakeSessions inProgress(PracticeId practiceId, String sessionId, String clientId) {
        return with(practiceId, new SessionFacts(sessionId, clientId, Substance.KETAMINE, Instant.EPOCH, null, false));
    }

    FakeSessions with(PracticeId practiceId, SessionFacts session) {
        sessions.put(practiceId.value() + "/" + session.sessionId(), session);
        return this;
    }

    @Override
    public Optional<SessionFacts> find(PracticeId practiceId, String sessionId) {
        return Optional.ofNullable(sessions.get(practiceId.value() + "/" + sessionId));
    }

    @Override
    public Optional<Administrations> administrations(PracticeId practiceId, String sessionId) {
        return Optional.empty();
    }
}
