package org.doseledger.projections.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.projections.consistency.DosingConsistencyProjection;
import org.doseledger.projections.consistency.DosingConsistencyRows;
import org.doseledger.projections.consistency.PlanInForceView;
import org.doseledger.projections.consistency.SessionDoseView;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.doseledger.projections.personaldata.PersonalDataReveal;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dosing-consistency report for the period (optionally one client): each dosed session with the dose
 * in mg and mg/kg, the plan in force, the change and interval from the client's previous session, waste,
 * delays, overrides, vitals, the flags raised, and the take-home mg dispensed to the client from the session
 * until their next dosed session (as corrected by the export's position). Streamed from the dosing-consistency read model as the
 * ledger stood at {@code upTo} ({@link DosingConsistencyRows}): each session is judged in the database
 * against the client's previous one, so memory does not grow with the period.
 */
public class DosingConsistencyExport implements ExportType {

    public static final String NAME = "dosing-consistency";

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("sessionAt", "Session", 2),
            new ReportColumn("clientId", "Client id", 1).unprinted(),
            new ReportColumn("clientName", "Client", 2),
            new ReportColumn("personalData", "Personal data", 1).unprinted(),
            new ReportColumn("sessionId", "Session id", 1).unprinted(),
            new ReportColumn("substance", "Substance", 1),
            new ReportColumn("locationId", "Location id", 1).unprinted(),
            new ReportColumn("routes", "Route", 1),
            new ReportColumn("drawnMilligrams", "Drawn mg", 1),
            new ReportColumn("administeredMilligrams", "Given mg", 1),
            new ReportColumn("wastedMilligrams", "Wasted mg", 1),
            new ReportColumn("wasteShare", "Waste share", 1),
            new ReportColumn("weightKilograms", "Weight kg", 1),
            new ReportColumn("milligramsPerKilogram", "mg/kg", 1),
            new ReportColumn("planId", "Plan", 1).unprinted(),
            new ReportColumn("planDose", "Plan dose", 2),
            new ReportColumn("planMaxSingleDose", "Plan max single", 1),
            new ReportColumn("planMinInterval", "Plan min interval", 1).unprinted(),
            new ReportColumn("changeFromPreviousPercent", "Change %", 1),
            new ReportColumn("intervalFromPrevious", "Interval", 1),
            new ReportColumn("drawToAdministerDelay", "Draw to dose", 1).unprinted(),
            new ReportColumn("drawToWasteDelay", "Draw to waste", 1).unprinted(),
            new ReportColumn("drawnBy", "Drawn by", 1),
            new ReportColumn("administeredBy", "Given by", 1),
            new ReportColumn("overrides", "Overrides", 2),
            new ReportColumn("vitalsRecorded", "Vitals", 1),
            new ReportColumn("flags", "Flags", 2),
            new ReportColumn("takeHomeMilligrams", "Take-home mg until next session", 1));

    private final DosingConsistencyRows sessions;
    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final ObjectMapper json = new ObjectMapper();

    private final PersonalDataReveal personalData;

    public DosingConsistencyExport(
            DataSource dataSource, JdbcTemplate jdbc, ClientDataKeys keys, PersonalDataReveal personalData) {
        this.sessions = new DosingConsistencyRows(dataSource, json);
        this.jdbc = jdbc;
        this.keys = keys;
        this.personalData = personalData;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Dosing-consistency report";
    }

    @Override
    public List<ReportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> processors() {
        // clients are named from their timeline, take-home doses read from the stock movements, as of the
        // export's position: they must be there too
        return List.of(
                DosingConsistencyProjection.PROCESSING_GROUP,
                ClientTimelineProjection.PROCESSING_GROUP,
                StockLotProjection.PROCESSING_GROUP);
    }

    @Override
    public long count(ExportQuery query) {
        return sessions.count(filter(query));
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        ClientIdentities clients = new ClientIdentities(jdbc, keys, json, query.practiceId(), query.upTo());
        Map<String, long[]> flags = new TreeMap<>();
        Map<String, BigDecimal> given = new TreeMap<>();
        Map<String, BigDecimal> takeHome = new TreeMap<>();
        long[] counted = {0, 0};
        try {
            sessions.sessions(filter(query), stored -> {
                // an override's rationale about the client is sealed under the client's key: opened here
                SessionDoseView session = stored.withOverrides(personalData.revealNested(
                        new ClientRef(query.practiceId(), stored.clientId()), stored.overrides()));
                counted[0]++;
                if (!session.flags().isEmpty()) {
                    counted[1]++;
                }
                session.flags().forEach(flag -> flags.computeIfAbsent(flag, f -> new long[1])[0]++);
                given.merge(String.valueOf(session.substance()), session.administeredMilligrams(), BigDecimal::add);
                if (session.takeHomeMilligrams() != null) {
                    takeHome.merge(String.valueOf(session.substance()), session.takeHomeMilligrams(), BigDecimal::add);
                }
                try {
                    rows.row(cells(session, clients.of(session.clientId())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> totals = new ArrayList<>();
        totals.add("Sessions: " + counted[0]);
        totals.add("Sessions flagged: " + counted[1]);
        flags.forEach((flag, count) -> totals.add(flag + ": " + count[0]));
        given.forEach((substance, mg) -> totals.add(substance + " given mg: " + mg.toPlainString()));
        takeHome.forEach((substance, mg) -> totals.add("Take-home mg after " + substance + " sessions: "
                + mg.stripTrailingZeros().toPlainString()));
        return new ReportFooter(totals, null);
    }

    private static DosingConsistencyRows.Filter filter(ExportQuery query) {
        return new DosingConsistencyRows.Filter(
                query.practiceId(), query.clientId(), query.start(), query.end(), query.upTo());
    }

    private static List<Object> cells(SessionDoseView session, ClientIdentities.Identity client) {
        PlanInForceView plan = session.plan();
        return Arrays.asList(
                session.at(),
                session.clientId(),
                client.name(),
                client.personalData(),
                session.sessionId(),
                session.substance(),
                session.locationId(),
                joined(session.routes()),
                session.drawnMilligrams(),
                session.administeredMilligrams(),
                session.wastedMilligrams(),
                session.wasteShare(),
                session.weightKilograms(),
                session.milligramsPerKilogram(),
                plan == null ? null : plan.planId(),
                plan == null ? null : planDose(plan),
                plan == null ? null : plan.maxSingleDose(),
                plan == null ? null : plan.minIntervalBetweenDoses(),
                session.changeFromPreviousPercent(),
                duration(session.intervalFromPrevious()),
                duration(session.drawToAdministerDelay()),
                duration(session.drawToWasteDelay()),
                joined(session.drawnBy()),
                joined(session.administeredBy()),
                session.overrides() == null || session.overrides().isEmpty()
                        ? null
                        : session.overrides().toString(),
                session.vitalsRecorded(),
                joined(session.flags()),
                session.takeHomeMilligrams());
    }

    /** "0.5 to 1.0 MG_PER_KG IM": the plan's dose range, its basis and route. */
    private static String planDose(PlanInForceView plan) {
        return plan.minDose().toPlainString() + " to " + plan.maxDose().toPlainString() + " " + plan.doseBasis() + " "
                + plan.route();
    }

    private static String duration(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
