package org.doseledger.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.projections.support.BatchedInserts;
import org.doseledger.projections.support.EventMessages;
import org.doseledger.projections.support.EventRecordedTime;
import org.doseledger.projections.support.LedgerPosition;
import org.doseledger.projections.support.LoggedEvent;
import org.doseledger.projections.support.ReconciledTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every event of the ledger, one row per ledger position (the event's own global index), with the facts
 * the audit trail filters on (client, location, substance, practitioners, credential, request, both
 * times) in indexed columns. What an event says (payload, metadata, hashes) is not copied here: a page
 * reads it from the event log and checks it against the event's hash ({@link LoggedEvent}). Keyed by
 * position: a replay or a redelivered batch leaves the table unchanged.
 */
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "audit-trail";

    /** A row for every event of the ledger. */
    public static final ReconciledTable ROWS = ReconciledTable.everyHandledEvent(PROCESSING_GROUP, "audit_trail");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /** Substance by practice and NDC; a product's substance never changes once registered. */
    private final Map<String, String> substances = new ConcurrentHashMap<>();

    public AuditTrailProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, @LedgerPosition long position) throws JsonProcessingException {
        JsonNode payload = json.valueToTree(event);
        Map<String, Object> metadata = message.getMetaData();
        AuditFields fields = AuditFields.of(payload, metadata.get(LedgerMetadata.PRACTITIONER_ID));
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Instant occurredAt = event instanceof LedgerEvent ledgerEvent && ledgerEvent.occurredAt() != null
                ? ledgerEvent.occurredAt()
                : message.getTimestamp();
        BatchedInserts.insert(
                jdbc,
                """
                insert into audit_trail (ledger_position, event_id, event_type, aggregate_type, aggregate_id,
                                         sequence_number, practice_id, client_id, location_id, substance,
                                         practitioners, credential_id, request_id, idempotency_key,
                                         occurred_at, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (ledger_position) do nothing
                """,
                position,
                message.getIdentifier(),
                EventMessages.eventType(message),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                fields.practiceId(),
                fields.clientId(),
                fields.locationId(),
                substance(fields),
                fields.practitioners().toArray(String[]::new),
                text(metadata.get(LedgerMetadata.CREDENTIAL_ID)),
                text(metadata.get(LedgerMetadata.REQUEST_ID)),
                text(metadata.get(LedgerMetadata.IDEMPOTENCY_KEY)),
                Timestamp.from(occurredAt),
                Timestamp.from(EventRecordedTime.of(message)));
        if (fields.practiceId() != null) {
            // one row per practitioner named, so that a practitioner's page is read in position order
            for (String practitioner : new java.util.LinkedHashSet<>(fields.practitioners())) {
                BatchedInserts.insert(jdbc, """
                        insert into audit_trail_practitioner (practice_id, practitioner_id, ledger_position)
                        values (?, ?, ?)
                        on conflict do nothing
                        """, fields.practiceId(), practitioner, position);
            }
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_trail");
        jdbc.update("delete from audit_trail_practitioner");
    }

    @QueryHandler
    public AuditTrailPage handle(FindAuditTrailQuery query) {
        AuditTrailFilter filter = query.filter();
        // the page is chosen from audit_trail alone (a join over the whole filter let PostgreSQL merge-join
        // the event table from its first row, and a page chosen in a subquery got a worse generic plan for
        // the practitioner filter); its events' content is then read from the event log by position
        StringBuilder sql;
        List<Object> args;
        if (filter.practitionerId() != null) {
            // driven by the practitioner's own rows, in position order: the page stops after `limit` of them
            sql = new StringBuilder("""
                    select a.* from audit_trail_practitioner p
                    join audit_trail a on a.ledger_position = p.ledger_position
                    where p.practice_id = ? and p.practitioner_id = ? and p.ledger_position > ?
                      and a.practice_id = p.practice_id""");
            args = new ArrayList<>(List.of(query.practiceId().value(), filter.practitionerId(), query.afterPosition()));
        } else {
            sql = new StringBuilder("""
                    select a.* from audit_trail a
                    where practice_id = ? and ledger_position > ?""");
            args = new ArrayList<>(List.of(query.practiceId().value(), query.afterPosition()));
        }
        range(sql, args, "occurred_at", filter.occurredFrom(), filter.occurredTo());
        range(sql, args, "recorded_at", filter.recordedFrom(), filter.recordedTo());
        equal(sql, args, "credential_id", filter.credentialId());
        equal(sql, args, "client_id", filter.clientId());
        equal(sql, args, "substance", filter.substance());
        equal(sql, args, "location_id", filter.locationId());
        equal(sql, args, "request_id", filter.requestId());
        if (!filter.eventTypes().isEmpty()) {
            sql.append(" and event_type in (")
                    .append(String.join(
                            ", ", filter.eventTypes().stream().map(type -> "?").toList()))
                    .append(')');
            args.addAll(filter.eventTypes());
        }
        sql.append(
                filter.practitionerId() != null
                        ? " order by p.ledger_position limit ?"
                        : " order by ledger_position limit ?");
        args.add(query.limit());
        List<AuditTrailEntryView> entries = withLoggedEvents(jdbc.query(sql.toString(), this::toEntry, args.toArray()));
        Long next = entries.size() == query.limit()
                ? entries.get(entries.size() - 1).ledgerPosition()
                : null;
        return new AuditTrailPage(query.practiceId().value(), entries, query.limit(), next);
    }

    private String substance(AuditFields fields) {
        if (fields.substance() != null || fields.ndc() == null || fields.practiceId() == null) {
            return fields.substance();
        }
        String key = fields.practiceId() + '\n' + fields.ndc();
        String known = substances.get(key);
        if (known != null) {
            return known;
        }
        List<String> found = jdbc.queryForList(
                "select substance from product_catalogue where practice_id = ? and ndc = ?",
                String.class,
                fields.practiceId(),
                fields.ndc());
        if (found.isEmpty()) {
            return null;
        }
        substances.put(key, found.get(0));
        return found.get(0);
    }

    private static void range(StringBuilder sql, List<Object> args, String column, Instant from, Instant to) {
        if (from != null) {
            sql.append(" and ").append(column).append(" >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" < ?");
            args.add(Timestamp.from(to));
        }
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A page's rows, each with its event's content as the event log holds it (see {@link LoggedEvent}). */
    private List<AuditTrailEntryView> withLoggedEvents(List<AuditTrailEntryView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, AuditTrailEntryView> byPosition = new HashMap<>();
        rows.forEach(row -> byPosition.put(row.ledgerPosition(), row));
        Map<Long, LoggedEvent> logged = new HashMap<>();
        jdbc.query(
                "select " + LoggedEvent.COLUMNS + " from domain_event_entry e where e.global_index = any (?)",
                rs -> {
                    long position = rs.getLong("log_global_index");
                    logged.put(
                            position,
                            LoggedEvent.read(
                                    rs, position, byPosition.get(position).eventId()));
                },
                (Object) rows.stream().map(AuditTrailEntryView::ledgerPosition).toArray(Long[]::new));
        return rows.stream()
                .map(row -> row.withLoggedEvent(logged.getOrDefault(row.ledgerPosition(), LoggedEvent.ABSENT), json))
                .toList();
    }

    private AuditTrailEntryView toEntry(ResultSet rs, int row) throws SQLException {
        return new AuditTrailEntryView(
                rs.getLong("ledger_position"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                rs.getObject("sequence_number", Long.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("client_id"),
                rs.getString("location_id"),
                rs.getString("substance"),
                Arrays.asList((String[]) rs.getArray("practitioners").getArray()),
                rs.getString("credential_id"),
                rs.getString("request_id"),
                rs.getString("idempotency_key"),
                null,
                null,
                null,
                null,
                false);
    }
}
