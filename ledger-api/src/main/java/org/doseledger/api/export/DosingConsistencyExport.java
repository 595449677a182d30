package org.doseledger.api.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.personaldata.ClientDataKeys;
import org.doseledger.projections.consistency.DosingConsistencyProjection;
import org.doseledger.projections.consistency.DosingConsistencyView;
import org.doseledger.projections.consistency.FindDosingConsistencyQuery;
import org.doseledger.projections.consistency.PlanInForceView;
import org.doseledger.projections.consistency.SessionDoseView;
import org.doseledger.projections.export.ReportColumn;
import org.doseledger.projections.export.ReportFooter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dosing-consistency report for the period (optionally one client): each dosed session with the dose
 * in mg and mg/kg, the plan in force, the change and interval from the client's previous session, waste,
 * delays, overrides, vitals and the flags raised. The report is computed when read from the
 * dosing-consistency read model (each session is judged against the client's previous one), so it is
 * read through that model's query, not streamed row by row, and the read model keeps no ledger position
 * per session: see docs/exports.md for what that means for {@code upTo}.
 */
@Component
class DosingConsistencyExport implements ExportType {

    static final String NAME = "dosing-consistency";

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
            new ReportColumn("flags", "Flags", 2));

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final ObjectMapper json = new ObjectMapper();

    DosingConsistencyExport(QueryGateway queries, JdbcTemplate jdbc, ClientDataKeys keys) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.keys = keys;
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
        return List.of(DosingConsistencyProjection.PROCESSING_GROUP);
    }

    @Override
    public long count(ExportQuery query) {
        return report(query, 0).total();
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        ClientIdentities clients = new ClientIdentities(jdbc, keys, json, query.practiceId(), query.upTo());
        DosingConsistencyView report = report(query, Integer.MAX_VALUE);
        Map<String, long[]> flags = new TreeMap<>();
        Map<String, BigDecimal> given = new TreeMap<>();
        long flagged = 0;
        for (SessionDoseView session : report.sessions()) {
            if (!session.flags().isEmpty()) {
                flagged++;
            }
            session.flags().forEach(flag -> flags.computeIfAbsent(flag, f -> new long[1])[0]++);
            given.merge(String.valueOf(session.substance()), session.administeredMilligrams(), BigDecimal::add);
            rows.row(cells(session, clients.of(session.clientId())));
        }
        List<String> totals = new ArrayList<>();
        totals.add("Sessions: " + report.sessions().size());
        totals.add("Sessions flagged: " + flagged);
        flags.forEach((flag, count) -> totals.add(flag + ": " + count[0]));
        given.forEach((substance, mg) -> totals.add(substance + " given mg: " + mg.toPlainString()));
        return new ReportFooter(totals, null);
    }

    private DosingConsistencyView report(ExportQuery query, int limit) {
        return queries.query(
                        new FindDosingConsistencyQuery(
                                query.practiceId(), query.clientId(), null, query.start(), query.end(), 0, limit),
                        ResponseTypes.instanceOf(DosingConsistencyView.class))
                .join();
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
                joined(session.flags()));
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
