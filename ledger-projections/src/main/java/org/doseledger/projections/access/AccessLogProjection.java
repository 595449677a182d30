package org.doseledger.projections.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.access.api.AccessLogReviewedEvent;
import org.doseledger.core.access.api.ClientDataAccessedEvent;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.projections.support.LedgerPosition;
import org.doseledger.projections.support.ReconciledTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who read or exported client data, and the compliance officers' reviews of those reads. Keyed by
 * ledger position: a replay or a redelivered batch leaves the tables unchanged. The compliance
 * exceptions queue reads both to find periods nobody reviewed.
 */
@ProcessingGroup(AccessLogProjection.PROCESSING_GROUP)
public class AccessLogProjection {

    public static final String PROCESSING_GROUP = "access-log";

    /** A row for every read of client data. */
    public static final ReconciledTable ACCESSES =
            ReconciledTable.everyEventOf(PROCESSING_GROUP, "access_log", ClientDataAccessedEvent.class);

    /** A row for every review of the access log. */
    public static final ReconciledTable REVIEWS =
            ReconciledTable.everyEventOf(PROCESSING_GROUP, "access_log_review", AccessLogReviewedEvent.class);

    private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AccessLogProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ClientDataAccessedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        Object requestId = message.getMetaData().get(LedgerMetadata.REQUEST_ID);
        jdbc.update(
                """
                insert into access_log (ledger_position, event_id, access_id, practice_id, client_id, credential_id,
                                        role, kind, endpoint, parameters, request_id, accessed_at, purpose)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                on conflict (ledger_position) do nothing
                """,
                position,
                message.getIdentifier(),
                event.accessId(),
                event.practiceId() == null ? null : event.practiceId().value(),
                event.clientId(),
                event.credentialId(),
                event.role().name(),
                event.kind().name(),
                event.endpoint(),
                json.writeValueAsString(event.parameters() == null ? Map.of() : new TreeMap<>(event.parameters())),
                requestId == null ? null : requestId.toString(),
                Timestamp.from(event.occurredAt()),
                event.purpose() == null ? null : event.purpose().name());
    }

    @EventHandler
    void on(AccessLogReviewedEvent event, EventMessage<?> message, @LedgerPosition long position) {
        jdbc.update(
                """
                insert into access_log_review (ledger_position, event_id, review_id, practice_id, reviewed_from,
                                               reviewed_to, reviewed_by, credential_id, note, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (ledger_position) do nothing
                """,
                position,
                message.getIdentifier(),
                event.reviewId(),
                event.practiceId().value(),
                Timestamp.from(event.from()),
                Timestamp.from(event.to()),
                event.reviewedBy(),
                event.credentialId(),
                event.note(),
                Timestamp.from(event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from access_log");
        jdbc.update("delete from access_log_review");
    }

    @QueryHandler
    public AccessLogPage handle(FindAccessLogQuery query) {
        AccessLogFilter filter = query.filter();
        StringBuilder sql = new StringBuilder(
                "select * from access_log where (practice_id = ? or practice_id is null) and ledger_position > ?");
        List<Object> args = new ArrayList<>(List.of(query.practiceId().value(), query.afterPosition()));
        if (filter.from() != null) {
            sql.append(" and accessed_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and accessed_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.clientId() != null) {
            sql.append(" and client_id = ?");
            args.add(filter.clientId());
        }
        if (filter.credentialId() != null) {
            sql.append(" and credential_id = ?");
            args.add(filter.credentialId());
        }
        sql.append(" order by ledger_position limit ?");
        args.add(query.limit());
        List<AccessLogEntryView> entries = jdbc.query(sql.toString(), this::toEntry, args.toArray());
        Long next = entries.size() == query.limit()
                ? entries.get(entries.size() - 1).ledgerPosition()
                : null;
        return new AccessLogPage(query.practiceId().value(), entries, query.limit(), next);
    }

    @QueryHandler
    public List<AccessLogReviewView> handle(FindAccessLogReviewsQuery query) {
        return jdbc.query(
                "select * from access_log_review where practice_id = ? order by reviewed_to desc, ledger_position desc",
                (rs, row) -> new AccessLogReviewView(
                        rs.getLong("ledger_position"),
                        rs.getString("review_id"),
                        rs.getTimestamp("reviewed_from").toInstant(),
                        rs.getTimestamp("reviewed_to").toInstant(),
                        rs.getString("reviewed_by"),
                        rs.getString("credential_id"),
                        rs.getString("note"),
                        rs.getTimestamp("recorded_at").toInstant()),
                query.practiceId().value());
    }

    /** Reads of a period grouped by who read (credential and role), why (purpose) and how (read or export). */
    @QueryHandler
    public List<AccessSummaryView> handle(FindAccessSummaryQuery query) {
        return jdbc.query(
                """
                select credential_id, role, purpose, kind, count(*) as reads, min(accessed_at) as first_at,
                       max(accessed_at) as last_at
                from access_log
                where (practice_id = ? or practice_id is null) and accessed_at >= ? and accessed_at < ?
                group by credential_id, role, purpose, kind
                order by credential_id, role, purpose nulls first, kind
                """,
                (rs, row) -> new AccessSummaryView(
                        rs.getString("credential_id"),
                        rs.getString("role"),
                        rs.getString("purpose"),
                        rs.getString("kind"),
                        rs.getLong("reads"),
                        rs.getTimestamp("first_at").toInstant(),
                        rs.getTimestamp("last_at").toInstant()),
                query.practiceId().value(),
                Timestamp.from(query.from()),
                Timestamp.from(query.to()));
    }

    private AccessLogEntryView toEntry(ResultSet rs, int row) throws SQLException {
        try {
            return new AccessLogEntryView(
                    rs.getLong("ledger_position"),
                    rs.getString("access_id"),
                    rs.getString("credential_id"),
                    rs.getString("role"),
                    rs.getString("client_id"),
                    rs.getString("kind"),
                    rs.getString("endpoint"),
                    json.readValue(rs.getString("parameters"), PARAMETERS),
                    rs.getString("request_id"),
                    rs.getTimestamp("accessed_at").toInstant(),
                    rs.getString("practice_id") != null,
                    rs.getString("purpose"));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable access-log row " + rs.getLong("ledger_position"), e);
        }
    }
}
