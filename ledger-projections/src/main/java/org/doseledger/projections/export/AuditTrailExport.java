package org.doseledger.projections.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.doseledger.projections.audit.AuditTrailProjection;
import org.doseledger.projections.support.LoggedEvent;
import org.doseledger.projections.support.LoggedEventMismatchException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An extract of the audit trail: every event of the practice that occurred in the period (optionally
 * only those about one client or one storage location), in ledger order, with who recorded it, when,
 * under which request, and its payload and metadata exactly as the ledger wrote them. Personal data stays
 * sealed in the payload; the printed summary shows {@code [sealed]} for it.
 */
public class AuditTrailExport implements ExportType {

    public static final String NAME = "audit-trail";
    static final int FETCH_SIZE = 1000;

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("ledgerPosition", "Ledger position", 1).unprinted(),
            new ReportColumn("occurredAt", "Occurred", 2),
            new ReportColumn("recordedAt", "Recorded", 2),
            new ReportColumn("eventType", "Event", 2),
            new ReportColumn("summary", "Details", 3),
            new ReportColumn("aggregateType", "Aggregate type", 1).unprinted(),
            new ReportColumn("aggregateId", "Aggregate", 2).unprinted(),
            new ReportColumn("sequenceNumber", "Sequence", 1).unprinted(),
            new ReportColumn("clientId", "Client id", 1).unprinted(),
            new ReportColumn("locationId", "Location id", 1).unprinted(),
            new ReportColumn("substance", "Substance", 1),
            new ReportColumn("practitioners", "Practitioners", 1),
            new ReportColumn("credentialId", "Recorded by (credential)", 1),
            new ReportColumn("requestId", "Request", 2).unprinted(),
            new ReportColumn("idempotencyKey", "Idempotency key", 2).unprinted(),
            new ReportColumn("eventId", "Event id", 2).unprinted(),
            new ReportColumn("payload", "Payload", 3).unprinted(),
            new ReportColumn("metaData", "Metadata", 3).unprinted());

    private static final String FROM = """
            from audit_trail a
            where practice_id = ? and ledger_position <= ? and occurred_at >= ? and occurred_at < ?
            """;

    /** The same rows, each with its event as the event log holds it. */
    private static final String FROM_WITH_LOG = """
            from audit_trail a left join domain_event_entry e on e.global_index = a.ledger_position
            where practice_id = ? and ledger_position <= ? and occurred_at >= ? and occurred_at < ?
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public AuditTrailExport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Audit trail extract";
    }

    @Override
    public List<ReportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> processors() {
        return List.of(AuditTrailProjection.PROCESSING_GROUP);
    }

    @Override
    public long count(ExportQuery query) {
        Long count = jdbc.queryForObject("select count(*) " + FROM + filters(query), Long.class, parameters(query));
        return count == null ? 0 : count;
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        Map<String, long[]> perType = new TreeMap<>();
        long[] total = {0};
        try {
            jdbc.query(
                    """
                    select a.ledger_position, a.event_id, a.event_type, a.aggregate_type, a.aggregate_id,
                           a.sequence_number, a.client_id, a.location_id, a.substance, a.practitioners,
                           a.credential_id, a.request_id, a.idempotency_key, a.occurred_at, a.recorded_at,
                    """ + LoggedEvent.COLUMNS + FROM_WITH_LOG + filters(query) + " order by a.ledger_position",
                    rs -> {
                        total[0]++;
                        perType.computeIfAbsent(rs.getString("event_type"), type -> new long[1])[0]++;
                        try {
                            rows.row(cells(rs));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    parameters(query));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> totals = new ArrayList<>();
        totals.add("Events: " + total[0]);
        perType.forEach((type, count) -> totals.add(type + ": " + count[0]));
        return new ReportFooter(totals, null);
    }

    private static String filters(ExportQuery query) {
        return (query.clientId() == null ? "" : " and client_id = ?")
                + (query.locationId() == null ? "" : " and location_id = ?");
    }

    private static Object[] parameters(ExportQuery query) {
        List<Object> values = new ArrayList<>(List.of(
                query.practiceId().value(), query.upTo(), Timestamp.from(query.start()), Timestamp.from(query.end())));
        if (query.clientId() != null) {
            values.add(query.clientId());
        }
        if (query.locationId() != null) {
            values.add(query.locationId());
        }
        return values.toArray();
    }

    /**
     * One row, its payload and metadata as the event log holds them. An export is a statement to a
     * regulator: a row whose event the log does not hold at its position, or whose stored content no
     * longer matches its hash, stops the export rather than being passed on.
     */
    private List<Object> cells(ResultSet rs) throws SQLException {
        long position = rs.getLong("ledger_position");
        LoggedEvent logged = LoggedEvent.read(rs, position, rs.getString("event_id"));
        if (!logged.verified()) {
            throw new LoggedEventMismatchException(position);
        }
        String payload = withheld(new String(logged.payload(), StandardCharsets.UTF_8));
        long sequence = rs.getLong("sequence_number");
        Long sequenceNumber = rs.wasNull() ? null : sequence;
        return Arrays.asList(
                position,
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("event_type"),
                summary(payload),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                sequenceNumber,
                rs.getString("client_id"),
                rs.getString("location_id"),
                rs.getString("substance"),
                practitioners(rs.getArray("practitioners")),
                rs.getString("credential_id"),
                rs.getString("request_id"),
                rs.getString("idempotency_key"),
                rs.getString("event_id"),
                payload,
                new String(logged.metaData(), StandardCharsets.UTF_8));
    }

    /**
     * The payload without what must never leave the service: the SHA-256 of an API key's secret, which is
     * enough to test guessed secrets against offline. Only its value is replaced, so the rest of the
     * payload keeps the text the ledger wrote.
     */
    static String withheld(String payload) {
        return SECRET_HASH.matcher(payload).replaceAll("\"secretSha256\":\"" + WITHHELD + "\"");
    }

    static final String WITHHELD = "[withheld]";

    private static final java.util.regex.Pattern SECRET_HASH =
            java.util.regex.Pattern.compile("\"secretSha256\"\\s*:\\s*\"[^\"]*\"");

    /** The payload as a person reads it, sealed personal data shown as {@code [sealed]}. */
    private String summary(String payload) throws SQLException {
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (IOException e) {
            throw new SQLException("unreadable audit payload", e);
        }
        if (!node.isObject()) {
            return node.toString();
        }
        ObjectNode fields = (ObjectNode) node;
        fields.remove(List.of("practiceId", "occurredAt"));
        List<String> sealed = new ArrayList<>();
        fields.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isObject()
                    && value.size() == 3
                    && value.has("keyId")
                    && value.has("nonce")
                    && value.has("ciphertext")) {
                sealed.add(field.getKey());
            }
        });
        sealed.forEach(name -> fields.put(name, "[sealed]"));
        return ClientRecordExport.summary(fields);
    }

    private static String practitioners(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        String[] values = (String[]) array.getArray();
        return values.length == 0 ? null : String.join(", ", values);
    }
}
