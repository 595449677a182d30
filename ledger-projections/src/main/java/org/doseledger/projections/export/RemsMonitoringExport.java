package org.doseledger.projections.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The Spravato REMS patient monitoring data, one row per esketamine session started in the period: the
 * client, the dose given in the session (mg), its lot and when it was given, how long the client was monitored
 * after the dose, the blood pressure before dosing, at about 40 minutes after it and at the end of monitoring
 * (timed from the dose, as the REMS
 * checks in the session aggregate look for), the observations and adverse events, discharge and the
 * REMS form's due date and submission with its answers (sedation, dissociation, respiratory depression,
 * vital signs acceptable before administration and at the end, the REMS evaluation question's minutes);
 * the answers are empty when no form was submitted, or for forms recorded before the ledger kept them
 * ("not recorded").
 */
public class RemsMonitoringExport implements ExportType {

    public static final String NAME = "rems-monitoring";
    static final int FETCH_SIZE = 1000;

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("sessionStartedAt", "Session started", 2),
            new ReportColumn("clientId", "Client id", 1).unprinted(),
            new ReportColumn("clientName", "Client", 2),
            new ReportColumn("personalData", "Personal data", 1).unprinted(),
            new ReportColumn("sessionId", "Session", 1).unprinted(),
            new ReportColumn("locationId", "Location id", 1).unprinted(),
            new ReportColumn("healthcareSettingId", "REMS healthcare setting", 1),
            new ReportColumn("patientEnrolmentId", "REMS patient enrolment", 1),
            new ReportColumn("doseMilligrams", "Dose (mg)", 1).inUnit("mg"),
            new ReportColumn("lotNumber", "Lot", 1),
            new ReportColumn("ndc", "NDC", 2).unprinted(),
            new ReportColumn("doseAdministeredAt", "Dose given", 2),
            new ReportColumn("monitoredById", "Monitored by (id)", 1).unprinted(),
            new ReportColumn("monitoredBy", "Monitored by", 2),
            new ReportColumn("dischargedAt", "Discharged", 2),
            new ReportColumn("monitoringMinutes", "Monitored after dose (min)", 1),
            new ReportColumn("bloodPressureBefore", "BP before", 1),
            new ReportColumn("bloodPressureBeforeAt", "BP before taken", 2).unprinted(),
            new ReportColumn("bloodPressureAt40Minutes", "BP at 40 min", 1),
            new ReportColumn("bloodPressureAt40MinutesAt", "BP at 40 min taken", 2).unprinted(),
            new ReportColumn("bloodPressureAtEnd", "BP at end", 1),
            new ReportColumn("bloodPressureAtEndAt", "BP at end taken", 2).unprinted(),
            new ReportColumn("sedation", "Sedation", 1),
            new ReportColumn("dissociation", "Dissociation", 1),
            new ReportColumn("respiratoryDepression", "Respiratory depression", 1),
            new ReportColumn("vitalSignsAcceptableBefore", "Vitals acceptable before", 1),
            new ReportColumn("vitalSignsAcceptableAtEnd", "Vitals acceptable at end", 1),
            new ReportColumn("readyToLeaveAfterMinutes", "Ready to leave (min)", 1),
            new ReportColumn("observations", "Observations and adverse events", 3),
            new ReportColumn("dischargeCriteriaMet", "Discharge criteria met", 1),
            new ReportColumn("remsFormDueOn", "REMS form due", 1),
            new ReportColumn("remsFormSubmittedAt", "REMS form submitted", 2),
            new ReportColumn("remsConfirmationNumber", "REMS confirmation", 1),
            new ReportColumn("ledgerPosition", "Ledger position", 1).unprinted());

    /** The esketamine sessions started in the period, as of the export's ledger position. */
    private static final String SESSIONS = """
            from client_timeline st
            where st.practice_id = :practice and st.event_type = 'DosingSessionStarted'
              and st.ledger_position <= :upTo and st.occurred_at >= :from and st.occurred_at < :to
              and exists (select 1 from client_timeline sc
                          where sc.practice_id = st.practice_id and sc.client_id = st.client_id
                            and sc.event_type = 'DosingSessionScheduled' and sc.ledger_position <= :upTo
                            and sc.details ->> 'sessionId' = st.details ->> 'sessionId'
                            and sc.details ->> 'substance' = 'ESKETAMINE')
            """;

    /** One event of the session (the first of its type), as of the export's ledger position. */
    private static String sessionEvent(String type) {
        return "select x.occurred_at, x.details from client_timeline x"
                + " where x.practice_id = st.practice_id and x.client_id = st.client_id and x.event_type = '" + type
                + "' and x.details ->> 'sessionId' = st.details ->> 'sessionId' and x.ledger_position <= :upTo";
    }

    /** The session's vital signs that include a blood pressure (other measurements are optional). */
    private static String bloodPressures() {
        return sessionEvent("VitalsRecorded") + " and (x.details ->> 'systolicMmHg') is not null";
    }

    private static final String ROWS = """
            select st.ledger_position, st.client_id, st.occurred_at as started_at,
                   st.details ->> 'sessionId' as session_id, st.details ->> 'locationId' as location_id,
                   st.details ->> 'monitoredBy' as monitored_by, pr.name as monitored_by_name,
                   d.occurred_at as discharged_at, (d.details ->> 'criteriaMet')::boolean as criteria_met,
                   (d.details ->> 'remsFormDueOn')::date as due_on,
                   f.occurred_at as submitted_at, f.details ->> 'confirmationNumber' as confirmation,
                   (f.details ->> 'sedation')::boolean as sedation,
                   (f.details ->> 'dissociation')::boolean as dissociation,
                   (f.details ->> 'respiratoryDepression')::boolean as respiratory_depression,
                   (f.details ->> 'vitalSignsAcceptableBeforeAdministration')::boolean as vitals_before,
                   (f.details ->> 'vitalSignsAcceptableAtCompletion')::boolean as vitals_end,
                   (f.details ->> 'readyToLeaveAfterMinutes')::integer as ready_after,
                   pre.occurred_at as pre_at, pre.details::text as pre,
                   mid.occurred_at as mid_at, mid.details::text as mid,
                   fin.occurred_at as fin_at, fin.details::text as fin,
                   dose.milligrams, dose.lots, dose.ndcs, dose.first_at as dose_first_at,
                   dose.last_at as dose_last_at, obs.text as observations,
                   loc.rems_setting_id as healthcare_setting_id, en.details::text as enrolment
            """
            + SESSIONS.replaceFirst("from client_timeline st", """
            from client_timeline st
            left join practitioner_registry pr
                   on pr.practice_id = st.practice_id and pr.practitioner_id = st.details ->> 'monitoredBy'
            left join location_registry loc
                   on loc.practice_id = st.practice_id and loc.location_id = st.details ->> 'locationId'
            left join lateral (
                select x.details from client_timeline x
                where x.practice_id = st.practice_id and x.client_id = st.client_id
                  and x.event_type = 'ClientEnrolledInRems' and x.ledger_position <= :upTo
                  and x.occurred_at <= st.occurred_at
                order by x.occurred_at desc, x.ledger_position desc limit 1) en on true
            left join lateral (%s order by x.ledger_position limit 1) d on true
            left join lateral (%s order by x.ledger_position limit 1) f on true
            left join lateral (
                select sum(m.milligrams) as milligrams, min(m.occurred_at) as first_at, max(m.occurred_at) as last_at,
                       string_agg(distinct m.lot_number, ', ') as lots, string_agg(distinct m.ndc, ', ') as ndcs
                from stock_movement m
                where m.practice_id = st.practice_id and m.client_id = st.client_id and m.movement = 'ADMINISTERED'
                  and m.details ->> 'sessionId' = st.details ->> 'sessionId' and m.ledger_position <= :upTo) dose on true
            left join lateral (%s and x.occurred_at between coalesce(dose.first_at, st.occurred_at) - interval '60 minutes'
                                                        and coalesce(dose.first_at, st.occurred_at)
                               order by x.occurred_at desc, x.ledger_position desc limit 1) pre on true
            left join lateral (%s and x.occurred_at between coalesce(dose.last_at, st.occurred_at) + interval '30 minutes'
                                                        and coalesce(dose.last_at, st.occurred_at) + interval '55 minutes'
                               order by abs(extract(epoch from x.occurred_at - coalesce(dose.last_at, st.occurred_at)) - 2400),
                                        x.ledger_position limit 1) mid on true
            left join lateral (%s and x.occurred_at between d.occurred_at - interval '20 minutes' and d.occurred_at
                               order by x.occurred_at desc, x.ledger_position desc limit 1) fin on true
            left join lateral (
                select jsonb_agg(jsonb_build_object('kind', x.details -> 'kind', 'severity', x.details -> 'severity',
                                                    'description', x.details -> 'description',
                                                    'actionTaken', x.details -> 'actionTaken')
                                 order by x.occurred_at, x.ledger_position)::text as text
                from client_timeline x
                where x.practice_id = st.practice_id and x.client_id = st.client_id
                  and x.event_type = 'ObservationRecorded' and x.details ->> 'sessionId' = st.details ->> 'sessionId'
                  and x.ledger_position <= :upTo) obs on true
            """.formatted(
                            sessionEvent("ClientDischarged"),
                            sessionEvent("RemsFormSubmitted"),
                            bloodPressures(),
                            bloodPressures(),
                            bloodPressures()));

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final ObjectMapper json = new ObjectMapper();

    public RemsMonitoringExport(DataSource dataSource, JdbcTemplate jdbc, ClientDataKeys keys) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.named = new NamedParameterJdbcTemplate(streaming);
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Spravato REMS patient monitoring data";
    }

    @Override
    public List<ReportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> processors() {
        return List.of(ClientTimelineProjection.PROCESSING_GROUP, StockLotProjection.PROCESSING_GROUP);
    }

    @Override
    public long count(ExportQuery query) {
        Long count =
                named.queryForObject("select count(*) " + SESSIONS + filters(query), parameters(query), Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        ClientIdentities clients = new ClientIdentities(jdbc, keys, json, query.practiceId(), query.upTo());
        long[] totals = new long[4];
        try {
            named.query(
                    ROWS + filters(query) + " order by st.occurred_at, st.ledger_position", parameters(query), rs -> {
                        List<Object> cells = cells(rs, clients.of(rs.getString("client_id")), clients);
                        totals[0]++;
                        if (cells.get(column("bloodPressureBefore")) != null
                                && cells.get(column("bloodPressureAt40Minutes")) != null
                                && cells.get(column("bloodPressureAtEnd")) != null) {
                            totals[1]++;
                        }
                        if (rs.getTimestamp("submitted_at") != null) {
                            totals[2]++;
                        } else if (rs.getDate("due_on") != null) {
                            totals[3]++;
                        }
                        try {
                            rows.row(cells);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ReportFooter(
                List.of(
                        "Esketamine sessions: " + totals[0],
                        "Sessions with all three blood pressure readings: " + totals[1],
                        "REMS forms submitted: " + totals[2],
                        "REMS forms due and not submitted: " + totals[3]),
                null);
    }

    /** The index of a column in a row, by name, so that a new column cannot shift what the totals count. */
    private static int column(String name) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).key().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    private static String filters(ExportQuery query) {
        return (query.clientId() == null ? "" : " and st.client_id = :client")
                + (query.locationId() == null ? "" : " and st.details ->> 'locationId' = :location");
    }

    private static MapSqlParameterSource parameters(ExportQuery query) {
        return new MapSqlParameterSource()
                .addValue("practice", query.practiceId().value())
                .addValue("upTo", query.upTo())
                .addValue("from", Timestamp.from(query.start()))
                .addValue("to", Timestamp.from(query.end()))
                .addValue("client", query.clientId())
                .addValue("location", query.locationId());
    }

    /**
     * "KIND SEVERITY: description (action: ...)" for each observation, joined by " | "; descriptions and actions
     * are sealed under the client's key and read as null once it is shredded.
     */
    private String observations(String clientId, String list, ClientIdentities clients) throws SQLException {
        if (list == null) {
            return null;
        }
        try {
            List<String> texts = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode observation : json.readTree(list)) {
                StringBuilder text = new StringBuilder(observation.path("kind").asText());
                if (observation.path("severity").isTextual()) {
                    text.append(' ').append(observation.path("severity").asText());
                }
                String description = clients.freeText(clientId, "description", observation.get("description"));
                text.append(": ").append(description == null ? "" : description);
                String action = clients.freeText(clientId, "actionTaken", observation.get("actionTaken"));
                if (action != null) {
                    text.append(" (action: ").append(action).append(')');
                }
                texts.add(text.toString());
            }
            return String.join(" | ", texts);
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable observations of " + clientId, e);
        }
    }

    /** The client's REMS patient enrolment id at the session, opened; null when none or shredded. */
    private String enrolment(String clientId, String details, ClientIdentities clients) throws SQLException {
        if (details == null) {
            return null;
        }
        try {
            return clients.freeText(
                    clientId, "enrolmentId", json.readTree(details).get("enrolmentId"));
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable REMS enrolment of " + clientId, e);
        }
    }

    private List<Object> cells(ResultSet rs, ClientIdentities.Identity client, ClientIdentities clients)
            throws SQLException {
        Instant started = instant(rs, "started_at");
        Instant discharged = instant(rs, "discharged_at");
        Instant firstDose = instant(rs, "dose_first_at");
        Instant lastDose = instant(rs, "dose_last_at");
        java.sql.Date due = rs.getDate("due_on");
        BigDecimal milligrams = rs.getBigDecimal("milligrams");
        return Arrays.asList(
                started,
                rs.getString("client_id"),
                client.name(),
                client.personalData(),
                rs.getString("session_id"),
                rs.getString("location_id"),
                rs.getString("healthcare_setting_id"),
                enrolment(rs.getString("client_id"), rs.getString("enrolment"), clients),
                milligrams,
                rs.getString("lots"),
                rs.getString("ndcs"),
                firstDose,
                rs.getString("monitored_by"),
                rs.getString("monitored_by_name"),
                discharged,
                discharged == null
                        ? null
                        : Duration.between(lastDose != null ? lastDose : started, discharged)
                                .toMinutes(),
                bloodPressure(rs.getString("pre")),
                instant(rs, "pre_at"),
                bloodPressure(rs.getString("mid")),
                instant(rs, "mid_at"),
                bloodPressure(rs.getString("fin")),
                instant(rs, "fin_at"),
                bool(rs, "sedation"),
                bool(rs, "dissociation"),
                bool(rs, "respiratory_depression"),
                bool(rs, "vitals_before"),
                bool(rs, "vitals_end"),
                rs.getObject("ready_after", Integer.class),
                observations(rs.getString("client_id"), rs.getString("observations"), clients),
                discharged == null ? null : rs.getBoolean("criteria_met"),
                due == null ? null : due.toLocalDate(),
                instant(rs, "submitted_at"),
                rs.getString("confirmation"),
                rs.getLong("ledger_position"));
    }

    /** "128/82" from a VitalsRecorded event's fields, or null when no reading was taken in the window. */
    private String bloodPressure(String vitals) throws SQLException {
        if (vitals == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(vitals);
            return node.path("systolicMmHg").asInt() + "/"
                    + node.path("diastolicMmHg").asInt();
        } catch (IOException e) {
            throw new SQLException("unreadable vitals " + vitals, e);
        }
    }

    /** The REMS form's yes/no answer, or null when no form was recorded or it predates the answers. */
    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
