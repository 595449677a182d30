package org.doseledger.projections.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.doseledger.projections.personaldata.PersonalDataReveal;
import org.doseledger.projections.stock.AddressText;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.doseledger.projections.timeline.ClientTimelineView;
import org.doseledger.projections.timeline.TimelineEntryView;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client's record for a records request: every entry of the client's timeline that occurred in the
 * period, in occurred order, each followed by the corrections recorded against it, with who recorded it
 * and the event's fields. Personal data is opened as the timeline endpoint opens it; a shredded client's
 * items read empty and the entry says SHREDDED.
 */
public class ClientRecordExport implements ExportType {

    public static final String NAME = "client-record";
    /** Entries opened per call of the personal-data reveal: one key lookup each, memory bounded. */
    static final int BATCH = 200;

    static final int FETCH_SIZE = 1000;

    private static final Set<String> REDUNDANT = Set.of("practiceId", "clientId", "occurredAt");

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("occurredAt", "Occurred", 2),
            new ReportColumn("recordedAt", "Recorded", 2),
            new ReportColumn("eventType", "Event", 2),
            new ReportColumn("summary", "Details", 3),
            new ReportColumn("details", "Details (JSON)", 3).unprinted(),
            new ReportColumn("personalData", "Personal data", 1),
            new ReportColumn("practitionerId", "Practitioner id", 1).unprinted(),
            new ReportColumn("practitionerName", "Practitioner", 2),
            new ReportColumn("credentialId", "Credential", 1).unprinted(),
            new ReportColumn("correctionOf", "Correction of", 2),
            new ReportColumn("correctsEventId", "Corrects event", 2).unprinted(),
            new ReportColumn("eventId", "Event id", 2).unprinted(),
            new ReportColumn("requestId", "Request", 2).unprinted(),
            new ReportColumn("ledgerPosition", "Ledger position", 1).unprinted());

    /**
     * The client's entries in the period and the corrections of them, each correction right after the
     * entry it corrects; only events at or before the export's ledger position.
     */
    private static final String FROM = """
            from client_timeline t
            left join client_timeline c on c.event_id = t.corrects_event_id
            left join practitioner_registry pr on pr.practice_id = t.practice_id and pr.practitioner_id = t.practitioner_id
            where t.practice_id = ? and t.client_id = ? and t.ledger_position <= ?
              and coalesce(c.occurred_at, t.occurred_at) >= ? and coalesce(c.occurred_at, t.occurred_at) < ?
            """;

    private final JdbcTemplate jdbc;
    private final PersonalDataReveal personalData;
    private final ObjectMapper json = new ObjectMapper();

    public ClientRecordExport(DataSource dataSource, PersonalDataReveal personalData) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.personalData = personalData;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Client record";
    }

    @Override
    public List<ReportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredParameters() {
        return List.of("clientId");
    }

    @Override
    public List<String> processors() {
        return List.of(ClientTimelineProjection.PROCESSING_GROUP);
    }

    @Override
    public long count(ExportQuery query) {
        Long count = jdbc.queryForObject("select count(*) " + FROM, Long.class, parameters(query));
        return count == null ? 0 : count;
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        Batch batch = new Batch(query, rows);
        try {
            jdbc.query(
                    """
                    select t.*, pr.name as practitioner_name, c.event_type as corrected_type,
                           c.occurred_at as corrected_at
                    """ + FROM + """
                     order by coalesce(c.occurred_at, t.occurred_at), coalesce(c.ledger_position, t.ledger_position),
                              t.ledger_position
                    """,
                    rs -> {
                        batch.add(row(rs));
                    },
                    parameters(query));
            batch.flush();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> totals = new ArrayList<>();
        totals.add("Entries: " + batch.entries);
        totals.add("Corrections: " + batch.corrections);
        if (batch.personalData != null) {
            totals.add("Personal data: " + batch.personalData);
        }
        return new ReportFooter(totals, null);
    }

    private static Object[] parameters(ExportQuery query) {
        return new Object[] {
            query.practiceId().value(),
            query.clientId(),
            query.upTo(),
            Timestamp.from(query.start()),
            Timestamp.from(query.end())
        };
    }

    /** A timeline row with what the export adds to it: who the practitioner is, what a correction corrects. */
    private record Row(
            TimelineEntryView entry,
            String practitionerName,
            String correctsEventId,
            String correctedType,
            Instant correctedAt) {}

    private Row row(ResultSet rs) throws SQLException {
        TimelineEntryView entry = ClientTimelineProjection.entry(rs, json);
        String correctsEventId = rs.getString("corrects_event_id");
        return new Row(
                entry,
                rs.getString("practitioner_name"),
                correctsEventId,
                rs.getString("corrected_type"),
                instant(rs, "corrected_at"));
    }

    /** Rows gathered until a batch is full, then opened together and written in order. */
    private final class Batch {

        private final ExportQuery query;
        private final Rows rows;
        private final List<Row> pending = new ArrayList<>(BATCH);
        long entries;
        long corrections;
        String personalData;

        Batch(ExportQuery query, Rows rows) {
            this.query = query;
            this.rows = rows;
        }

        void add(Row row) {
            pending.add(row);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            ClientTimelineView opened = ClientRecordExport.this.personalData.reveal(new ClientTimelineView(
                    query.practiceId().value(),
                    query.clientId(),
                    pending.stream().map(Row::entry).toList(),
                    0,
                    pending.size(),
                    pending.size()));
            try {
                for (int i = 0; i < pending.size(); i++) {
                    Row row = pending.get(i);
                    if (row.correctsEventId() == null) {
                        entries++;
                    } else {
                        corrections++;
                    }
                    rows.row(cells(row, opened.entries().get(i)));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pending.clear();
        }

        private List<Object> cells(Row row, TimelineEntryView entry) throws JsonProcessingException {
            ObjectNode details =
                    entry.details().isObject() ? ((ObjectNode) entry.details()).deepCopy() : json.createObjectNode();
            JsonNode marker = details.remove(PersonalDataReveal.MARKER);
            String problem = marker == null ? null : marker.asText();
            if (problem != null) {
                personalData = problem;
            }
            REDUNDANT.forEach(details::remove);
            return Arrays.asList(
                    entry.occurredAt(),
                    entry.recordedAt(),
                    entry.eventType(),
                    summary(details),
                    json.writeValueAsString(details),
                    problem,
                    entry.practitionerId(),
                    row.practitionerName(),
                    entry.credentialId(),
                    row.correctedAt() == null
                            ? null
                            : row.correctedType() + " of " + CellText.of(row.correctedAt(), query.zone()),
                    row.correctsEventId(),
                    entry.eventId(),
                    entry.requestId(),
                    entry.ledgerPosition());
        }
    }

    /**
     * The event's fields as a person reads them: {@code field: value} separated by semicolons, names as
     * "given middle family", addresses on one line, other nested values as compact JSON, nulls left out.
     */
    static String summary(ObjectNode details) {
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = details.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = text(field.getValue());
            if (value != null && !value.isEmpty()) {
                parts.add(field.getKey() + ": " + value);
            }
        }
        return String.join("; ", parts);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.has("family") && value.has("given")) {
            List<String> name = new ArrayList<>();
            for (String part : List.of("given", "middle", "family")) {
                if (value.path(part).isTextual() && !value.path(part).asText().isBlank()) {
                    name.add(value.path(part).asText());
                }
            }
            return String.join(" ", name);
        }
        if (value.isObject() && value.has("line1") && value.has("postalCode")) {
            return AddressText.of(value);
        }
        return value.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
