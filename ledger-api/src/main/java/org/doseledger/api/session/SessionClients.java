package org.doseledger.api.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.doseledger.core.session.api.SessionRef;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.UnknownRecordException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The client of a dosing session, read from the first event of the session's stream (its scheduling), so
 * that free text recorded in the session can be sealed under that client's data key. Read in the write's
 * transaction from the event store itself: no read model that could lag.
 */
@Component
class SessionClients {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    SessionClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ClientRef of(SessionRef session) {
        List<byte[]> first = jdbc.queryForList(
                "select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                byte[].class,
                session.toString());
        if (first.isEmpty()) {
            throw new UnknownRecordException("session", session.sessionId());
        }
        try {
            JsonNode payload = json.readTree(first.get(0));
            return new ClientRef(session.practiceId(), payload.path("clientId").asText());
        } catch (IOException e) {
            throw new IllegalStateException("the first event of " + session + " is unreadable", e);
        }
    }
}
