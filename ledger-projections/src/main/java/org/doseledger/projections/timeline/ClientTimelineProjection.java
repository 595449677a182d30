package org.doseledger.projections.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.projections.support.BatchedInserts;
import org.doseledger.projections.support.EventMessages;
import org.doseledger.projections.support.EventRecordedTime;
import org.doseledger.projections.support.LedgerPosition;
import org.doseledger.projections.support.ReconciledTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every event about a client, in occurred order, with its recorded time. Rows are keyed by ledger
 * position, so handling an event twice (a replay, a retried batch) leaves the table unchanged.
 */
@ProcessingGroup(ClientTimelineProjection.PROCESSING_GROUP)
public class ClientTimelineProjection {

    public static final String PROCESSING_GROUP = "client-timeline";

    /** A row for every client event; corrections of a client's entries are rows beside them. */
    public static final ReconciledTable ROWS = new ReconciledTable(
            PROCESSING_GROUP, "client_timeline", ClientEvent.class::isAssignableFrom, "corrects_event_id is null");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ClientTimelineProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ClientEvent event, EventMessage<?> message, @LedgerPosition long position) throws JsonProcessingException {
        BatchedInserts.insert(
                jdbc,
                """
                insert into client_timeline (ledger_position, event_id, practice_id, client_id, event_type,
                                             occurred_at, recorded_at, credential_id, practitioner_id, request_id,
                                             details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (ledger_position) do nothing
                """,
                position,
                message.getIdentifier(),
                event.practiceId().value(),
                event.clientId(),
                EventMessages.eventType(event.getClass()),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(EventRecordedTime.of(message)),
                metaData(message, LedgerMetadata.CREDENTIAL_ID),
                metaData(message, LedgerMetadata.PRACTITIONER_ID),
                metaData(message, LedgerMetadata.REQUEST_ID),
                json.writeValueAsString(event));
    }

    /**
     * A correction of one of a client's entries joins that client's timeline beside the entry; a
     * correction of an entry about no client (a receipt, a transfer) is not on any timeline.
     */
    @EventHandler
    void on(EntryCorrectedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        BatchedInserts.insert(
                jdbc,
                """
                insert into client_timeline (ledger_position, event_id, practice_id, client_id, event_type,
                                             occurred_at, recorded_at, credential_id, practitioner_id, request_id,
                                             details, corrects_event_id)
                select ?, ?, practice_id, client_id, ?, ?, ?, ?, ?, ?, ?::jsonb, event_id
                from client_timeline where event_id = ?
                on conflict (ledger_position) do nothing
                """,
                position,
                message.getIdentifier(),
                EventMessages.eventType(event.getClass()),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(EventRecordedTime.of(message)),
                metaData(message, LedgerMetadata.CREDENTIAL_ID),
                metaData(message, LedgerMetadata.PRACTITIONER_ID),
                metaData(message, LedgerMetadata.REQUEST_ID),
                json.writeValueAsString(event),
                event.correctedEventId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from client_timeline");
    }

    @QueryHandler
    public Optional<ClientTimelineView> handle(FindClientTimelineQuery query) {
        String practiceId = query.client().practiceId().value();
        String clientId = query.client().clientId();
        Long total = jdbc.queryForObject(
                "select count(*) from client_timeline where practice_id = ? and client_id = ?"
                        + " and corrects_event_id is null",
                Long.class,
                practiceId,
                clientId);
        if (total == null || total == 0) {
            return Optional.empty();
        }
        List<TimelineEntryView> entries =
                jdbc.query("""
                select * from client_timeline
                where practice_id = ? and client_id = ? and corrects_event_id is null
                order by occurred_at, ledger_position
                limit ? offset ?
                """, this::toEntry, practiceId, clientId, query.limit(), query.offset());
        return Optional.of(new ClientTimelineView(
                practiceId, clientId, withCorrections(entries), query.offset(), query.limit(), total));
    }

    @QueryHandler
    public Optional<ConsentView> handle(FindConsentQuery query) {
        List<TimelineEntryView> history = jdbc.query(
                """
                select * from client_timeline
                where practice_id = ? and client_id = ? and details ->> 'consentId' = ?
                order by ledger_position
                """,
                this::toEntry,
                query.client().practiceId().value(),
                query.client().clientId(),
                query.consentId());
        if (history.isEmpty()) {
            return Optional.empty();
        }
        boolean revoked = history.stream().anyMatch(entry -> entry.eventType().equals("ConsentRevoked"));
        return Optional.of(
                new ConsentView(query.consentId(), query.client().clientId(), revoked ? "REVOKED" : "ACTIVE", history));
    }

    /** Puts each correction of a page's entries beside the entry it corrects, in ledger order. */
    private List<TimelineEntryView> withCorrections(List<TimelineEntryView> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        List<String> ids = entries.stream().map(TimelineEntryView::eventId).toList();
        Map<String, List<TimelineEntryView>> corrections = new HashMap<>();
        jdbc.query(
                "select * from client_timeline where corrects_event_id in ("
                        + String.join(", ", ids.stream().map(id -> "?").toList())
                        + ") order by ledger_position",
                rs -> {
                    corrections
                            .computeIfAbsent(rs.getString("corrects_event_id"), id -> new ArrayList<>())
                            .add(toEntry(rs, 0));
                },
                ids.toArray());
        return entries.stream()
                .map(entry -> entry.withCorrections(corrections.getOrDefault(entry.eventId(), List.of())))
                .toList();
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private TimelineEntryView toEntry(ResultSet rs, int row) throws SQLException {
        return entry(rs, json);
    }

    /** A timeline entry from a row of {@code client_timeline}; exports read the same rows. */
    public static TimelineEntryView entry(ResultSet rs, ObjectMapper json) throws SQLException {
        try {
            return new TimelineEntryView(
                    rs.getLong("ledger_position"),
                    rs.getString("event_id"),
                    rs.getString("event_type"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("credential_id"),
                    rs.getString("practitioner_id"),
                    rs.getString("request_id"),
                    json.readTree(rs.getString("details")),
                    null);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable timeline row " + rs.getLong("ledger_position"), e);
        }
    }
}
