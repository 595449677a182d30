package org.doseledger.projections.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.doseledger.projections.support.Decimals;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes the dosing-consistency report and the dose distribution from the rows the projection keeps.
 * Loads one client's rows, or a practice's, and judges each session against the client's previous
 * dosed session, the plan version in force and the weight on record at the time.
 */
final class DosingReports {

    static final String MISSING_VITALS = "MISSING_VITALS";
    /** More than {@link #LONG_GAP_DAYS} days since the client's previous dosed session. */
    static final String LONG_GAP = "LONG_GAP";

    static final int LONG_GAP_DAYS = 28;
    /** More than half of what was drawn in the session was wasted, while a dose was given. */
    static final String HIGH_WASTE_SHARE = "HIGH_WASTE_SHARE";
    /** Stock was drawn and all of it wasted: no dose was given. */
    static final String FULLY_WASTED_DRAW = "FULLY_WASTED_DRAW";
    /** The first administration is dated before the first draw of the session. */
    static final String ADMINISTERED_BEFORE_DRAW = "ADMINISTERED_BEFORE_DRAW";
    /** A dose was given with no treatment plan in force. */
    static final String NO_PLAN_IN_FORCE = "NO_PLAN_IN_FORCE";
    /** Part of what was drawn is neither given nor wasted (yet). */
    static final String DRAW_LEFT_OPEN = "DRAW_LEFT_OPEN";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DosingReports(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    DosingConsistencyView consistency(FindDosingConsistencyQuery query) {
        List<SessionDoseView> sessions = sessions(query.practiceId().value(), query.clientId()).stream()
                .filter(session -> query.from() == null || !session.at().isBefore(query.from()))
                .filter(session -> query.to() == null || session.at().isBefore(query.to()))
                .filter(session -> query.practitionerId() == null
                        || session.drawnBy().contains(query.practitionerId())
                        || session.administeredBy().contains(query.practitionerId()))
                .toList();
        int from = Math.min(query.offset(), sessions.size());
        int to = (int) Math.min((long) from + query.limit(), sessions.size());
        return new DosingConsistencyView(
                query.practiceId().value(), sessions.subList(from, to), query.offset(), query.limit(), sessions.size());
    }

    DoseDistributionView distribution(FindDoseDistributionQuery query) {
        Map<List<String>, List<SessionDoseView>> byRoute = new TreeMap<>(Comparator.comparing(List::toString));
        for (SessionDoseView session : sessions(query.practiceId().value(), null)) {
            if (session.administeredMilligrams().signum() == 0
                    || session.routes().isEmpty()
                    || (query.from() != null && session.at().isBefore(query.from()))
                    || (query.to() != null && !session.at().isBefore(query.to()))) {
                continue;
            }
            byRoute.computeIfAbsent(
                            List.of(
                                    String.valueOf(session.substance()),
                                    session.routes().get(0)),
                            key -> new ArrayList<>())
                    .add(session);
        }
        List<RouteDistributionView> groups = new ArrayList<>();
        byRoute.forEach((key, sessions) -> groups.add(group(key.get(0), key.get(1), sessions)));
        return new DoseDistributionView(query.practiceId().value(), query.from(), query.to(), groups);
    }

    private static RouteDistributionView group(String substance, String route, List<SessionDoseView> sessions) {
        List<BigDecimal> doses =
                sessions.stream().map(SessionDoseView::administeredMilligrams).toList();
        DoseStatsView practice = stats(doses);
        BigDecimal iqr = practice.q3Milligrams().subtract(practice.q1Milligrams());
        BigDecimal reach = iqr.multiply(new BigDecimal("1.5"));
        BigDecimal lower = practice.q1Milligrams().subtract(reach);
        BigDecimal upper = practice.q3Milligrams().add(reach);
        List<OutlierView> outliers = new ArrayList<>();
        Map<String, List<BigDecimal>> perPractitioner = new TreeMap<>();
        Map<String, Integer> outliersPerPractitioner = new HashMap<>();
        for (SessionDoseView session : sessions) {
            String practitioner = session.administeredBy().isEmpty()
                    ? "(unknown)"
                    : session.administeredBy().get(0);
            perPractitioner
                    .computeIfAbsent(practitioner, p -> new ArrayList<>())
                    .add(session.administeredMilligrams());
            BigDecimal dose = session.administeredMilligrams();
            String side = dose.compareTo(upper) > 0 ? "HIGH" : dose.compareTo(lower) < 0 ? "LOW" : null;
            if (side != null) {
                outliers.add(new OutlierView(
                        session.clientId(), session.sessionId(), practitioner, session.at(), dose, side));
                outliersPerPractitioner.merge(practitioner, 1, Integer::sum);
            }
        }
        List<PractitionerDosesView> practitioners = new ArrayList<>();
        perPractitioner.forEach((practitioner, values) -> practitioners.add(new PractitionerDosesView(
                practitioner, stats(values), outliersPerPractitioner.getOrDefault(practitioner, 0))));
        return new RouteDistributionView(
                substance,
                route,
                practice,
                Decimals.plain(lower.setScale(2, RoundingMode.HALF_UP)),
                Decimals.plain(upper.setScale(2, RoundingMode.HALF_UP)),
                practitioners,
                outliers);
    }

    /** Count, min, quartiles (linear interpolation between closest ranks), max and mean. */
    static DoseStatsView stats(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new DoseStatsView(
                sorted.size(),
                Decimals.plain(sorted.get(0)),
                quantile(sorted, 0.25),
                quantile(sorted, 0.5),
                quantile(sorted, 0.75),
                Decimals.plain(sorted.get(sorted.size() - 1)),
                Decimals.plain(sum.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP)));
    }

    static BigDecimal quantile(List<BigDecimal> sorted, double q) {
        double rank = q * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        BigDecimal low = sorted.get(below);
        BigDecimal high = sorted.get(above);
        BigDecimal fraction = BigDecimal.valueOf(rank - below);
        return Decimals.plain(low.add(high.subtract(low).multiply(fraction)).setScale(2, RoundingMode.HALF_UP));
    }

    /** The take-home mg dispensed at or after {@code from} and before {@code until} (null: no end); null if none. */
    private static BigDecimal takeHomeBetween(TreeMap<Instant, BigDecimal> dispensed, Instant from, Instant until) {
        if (dispensed == null) {
            return null;
        }
        Map<Instant, BigDecimal> between =
                until == null ? dispensed.tailMap(from, true) : dispensed.subMap(from, true, until, false);
        return between.isEmpty()
                ? null
                : Decimals.plain(between.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Every dosed session of the practice (or of one client), in time order, judged. */
    private List<SessionDoseView> sessions(String practiceId, String clientId) {
        String clientFilter = clientId == null ? "" : " and client_id = ?";
        Object[] args = clientId == null ? new Object[] {practiceId} : new Object[] {practiceId, clientId};

        Map<String, Session> sessions = new LinkedHashMap<>();
        jdbc.query(
                "select * from dosing_report_session where practice_id = ?" + clientFilter,
                rs -> {
                    Session session = sessions.computeIfAbsent(
                            key(rs.getString("client_id"), rs.getString("session_id")),
                            k -> new Session(rsString(rs, "client_id"), rsString(rs, "session_id")));
                    session.substance = rs.getString("substance");
                    session.startedAt = instant(rs, "started_at");
                    session.scheduledFor = instant(rs, "scheduled_for");
                    session.locationId = rs.getString("location_id");
                },
                args);
        jdbc.query(
                "select d.*, p.substance as product_substance from dosing_report_draw d"
                        + " left join product_catalogue p on p.practice_id = d.practice_id and p.ndc = d.ndc"
                        + " where d.practice_id = ?" + clientFilter.replace("client_id", "d.client_id"),
                rs -> {
                    String sessionId = rs.getString("session_id") == null
                            ? "draw:" + rs.getString("draw_id")
                            : rs.getString("session_id");
                    Session session = sessions.computeIfAbsent(
                            key(rs.getString("client_id"), sessionId),
                            k -> new Session(rsString(rs, "client_id"), sessionId));
                    session.add(rs, json);
                },
                args);
        Map<String, List<Instant>> vitals = new HashMap<>();
        jdbc.query(
                "select client_id, session_id, taken_at from dosing_report_vitals where practice_id = ?" + clientFilter,
                rs -> {
                    vitals.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(rs.getTimestamp(3).toInstant());
                },
                args);
        Map<String, TreeMap<Instant, PlanInForceView>> plans = new HashMap<>();
        jdbc.query(
                "select * from dosing_report_plan where practice_id = ?" + clientFilter + " order by ledger_position",
                rs -> {
                    plans.computeIfAbsent(rs.getString("client_id"), c -> new TreeMap<>())
                            .put(
                                    rs.getTimestamp("effective_at").toInstant(),
                                    new PlanInForceView(
                                            rs.getString("plan_id"),
                                            rs.getString("route"),
                                            rs.getString("dose_basis"),
                                            Decimals.plain(rs.getBigDecimal("min_dose")),
                                            Decimals.plain(rs.getBigDecimal("max_dose")),
                                            Decimals.plain(rs.getBigDecimal("max_single_dose")),
                                            rs.getString("min_interval")));
                },
                args);
        Map<String, TreeMap<Instant, BigDecimal>> weights = new HashMap<>();
        jdbc.query(
                "select client_id, measured_at, kilograms from dosing_report_weight where practice_id = ?"
                        + clientFilter + " order by ledger_position",
                rs -> {
                    weights.computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                            .put(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3));
                },
                args);

        List<Session> dosed = sessions.values().stream()
                .filter(session -> session.firstDrawnAt != null)
                .sorted(Comparator.comparing(Session::at)
                        .thenComparing(session -> session.clientId)
                        .thenComparing(session -> session.sessionId))
                .toList();
        Map<String, TreeMap<Instant, BigDecimal>> takeHome = new HashMap<>();
        jdbc.query(
                DosingConsistencyRows.TAKE_HOME.replace(":upTo", "9223372036854775807")
                        + " where m.practice_id = ? and m.movement = 'DISPENSED'"
                        + clientFilter.replace("client_id", "m.client_id"),
                rs -> {
                    takeHome.computeIfAbsent(rs.getString("client_id"), c -> new TreeMap<>())
                            .merge(rs.getTimestamp("occurred_at").toInstant(), rs.getBigDecimal("mg"), BigDecimal::add);
                },
                args);
        Map<String, Instant> nextOfClient = new HashMap<>();
        Map<Session, Instant> next = new HashMap<>();
        for (int i = dosed.size() - 1; i >= 0; i--) {
            Session session = dosed.get(i);
            next.put(session, nextOfClient.get(session.clientId));
            nextOfClient.put(session.clientId, session.at());
        }
        Map<String, Session> previousOfClient = new HashMap<>();
        List<SessionDoseView> views = new ArrayList<>();
        for (Session session : dosed) {
            Session previous = previousOfClient.get(session.clientId);
            views.add(session.view(
                            previous,
                            floor(plans.get(session.clientId), session.at()),
                            floor(weights.get(session.clientId), session.at()),
                            vitals.getOrDefault(key(session.clientId, session.sessionId), List.of())
                                    .size(),
                            json)
                    .withTakeHome(takeHomeBetween(takeHome.get(session.clientId), session.at(), next.get(session))));
            if (session.administeredMg.signum() > 0) {
                previousOfClient.put(session.clientId, session);
            }
        }
        return views;
    }

    private static <T> T floor(TreeMap<Instant, T> versions, Instant at) {
        if (versions == null) {
            return null;
        }
        Map.Entry<Instant, T> entry = versions.floorEntry(at);
        return entry == null ? null : entry.getValue();
    }

    private static String key(String clientId, String sessionId) {
        return clientId + '\n' + sessionId;
    }

    private static String rsString(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** What the rows say about one session, gathered from its draws. */
    static final class Session {

        final String clientId;
        final String sessionId;
        String substance;
        String locationId;
        Instant startedAt;
        Instant scheduledFor;
        Instant firstDrawnAt;
        Instant firstAdministeredAt;
        Instant firstWastedAt;
        BigDecimal drawnMg = BigDecimal.ZERO;
        BigDecimal administeredMg = BigDecimal.ZERO;
        BigDecimal wastedMg = BigDecimal.ZERO;
        final TreeSet<String> routes = new TreeSet<>();
        final TreeSet<String> drawnBy = new TreeSet<>();
        final TreeSet<String> administeredBy = new TreeSet<>();
        final TreeSet<String> flags = new TreeSet<>();
        final List<JsonNode> overrides = new ArrayList<>();

        Session(String clientId, String sessionId) {
            this.clientId = clientId;
            this.sessionId = sessionId;
        }

        Instant at() {
            return startedAt != null ? startedAt : firstDrawnAt != null ? firstDrawnAt : scheduledFor;
        }

        void add(ResultSet rs, ObjectMapper json) throws SQLException {
            firstDrawnAt = earliest(firstDrawnAt, instant(rs, "drawn_at"));
            firstAdministeredAt = earliest(firstAdministeredAt, instant(rs, "first_administered_at"));
            firstWastedAt = earliest(firstWastedAt, instant(rs, "first_wasted_at"));
            drawnMg = drawnMg.add(rs.getBigDecimal("drawn_mg"));
            administeredMg = administeredMg.add(rs.getBigDecimal("administered_mg"));
            wastedMg = wastedMg.add(rs.getBigDecimal("wasted_mg"));
            if (substance == null) {
                substance = rs.getString("product_substance");
            }
            if (locationId == null) {
                locationId = rs.getString("location_id");
            }
            if (rs.getString("route") != null) {
                routes.add(rs.getString("route"));
            }
            drawnBy.add(rs.getString("drawn_by"));
            if (rs.getString("administered_by") != null) {
                administeredBy.add(rs.getString("administered_by"));
            }
            try {
                json.readTree(rs.getString("plan_flags")).forEach(flag -> flags.add(flag.asText()));
                json.readTree(rs.getString("overrides")).forEach(overrides::add);
            } catch (IOException e) {
                throw new SQLException("unreadable draw row " + rs.getString("draw_id"), e);
            }
        }

        SessionDoseView view(
                Session previous, PlanInForceView plan, BigDecimal weightKg, int vitalsRecorded, ObjectMapper json) {
            TreeSet<String> raised = new TreeSet<>(flags);
            boolean dosed = administeredMg.signum() > 0;
            if (dosed && vitalsRecorded == 0) {
                raised.add(MISSING_VITALS);
            }
            if (previous != null
                    && Duration.between(previous.at(), at()).compareTo(Duration.ofDays(LONG_GAP_DAYS)) > 0) {
                raised.add(LONG_GAP);
            }
            if (dosed && wastedMg.multiply(BigDecimal.valueOf(2)).compareTo(drawnMg) > 0) {
                raised.add(HIGH_WASTE_SHARE);
            }
            if (!dosed && drawnMg.signum() > 0 && wastedMg.compareTo(drawnMg) >= 0) {
                raised.add(FULLY_WASTED_DRAW);
            }
            if (firstAdministeredAt != null && firstDrawnAt != null && firstAdministeredAt.isBefore(firstDrawnAt)) {
                raised.add(ADMINISTERED_BEFORE_DRAW);
            }
            if (dosed && plan == null) {
                raised.add(NO_PLAN_IN_FORCE);
            }
            if (drawnMg.compareTo(administeredMg.add(wastedMg)) > 0) {
                raised.add(DRAW_LEFT_OPEN);
            }
            ArrayNode overrideNodes = json.createArrayNode();
            overrides.forEach(overrideNodes::add);
            return new SessionDoseView(
                    clientId,
                    sessionId,
                    at(),
                    substance,
                    locationId,
                    List.copyOf(routes),
                    Decimals.plain(drawnMg),
                    Decimals.plain(administeredMg),
                    Decimals.plain(wastedMg),
                    drawnMg.signum() == 0 ? null : Decimals.plain(wastedMg.divide(drawnMg, 3, RoundingMode.HALF_UP)),
                    Decimals.plain(weightKg),
                    weightKg == null || weightKg.signum() == 0
                            ? null
                            : Decimals.plain(administeredMg.divide(weightKg, 3, RoundingMode.HALF_UP)),
                    plan,
                    previous == null || previous.administeredMg.signum() == 0
                            ? null
                            : Decimals.plain(administeredMg
                                    .subtract(previous.administeredMg)
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(previous.administeredMg, new MathContext(10))
                                    .setScale(1, RoundingMode.HALF_UP)),
                    previous == null ? null : Duration.between(previous.at(), at()),
                    firstAdministeredAt == null ? null : Duration.between(firstDrawnAt, firstAdministeredAt),
                    firstWastedAt == null ? null : Duration.between(firstDrawnAt, firstWastedAt),
                    List.copyOf(drawnBy),
                    List.copyOf(administeredBy),
                    overrideNodes,
                    vitalsRecorded,
                    List.copyOf(raised),
                    null);
        }

        private static Instant earliest(Instant current, Instant candidate) {
            if (candidate == null) {
                return current;
            }
            return current == null || candidate.isBefore(current) ? candidate : current;
        }
    }
}
