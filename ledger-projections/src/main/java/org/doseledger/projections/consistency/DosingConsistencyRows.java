package org.doseledger.projections.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.support.Decimals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The dosing-consistency report as of a ledger position, streamed from the database for exports: each
 * dosed session of the period judged as {@link DosingReports} judges it (plan and weight in force, change
 * and interval from the client's previous dosed session, vitals), computed in one query from only what
 * events at or before {@code upTo} wrote. A draw as of {@code upTo} is the sum of its changes
 * ({@code dosing_report_draw_change}) up to there; a session's schedule and start count only when their
 * events are at or before it; plans, weights and vitals are rows keyed by their position. Rows come
 * through a database cursor (run it inside a transaction: PostgreSQL's driver fetches {@value #FETCH_SIZE}
 * rows at a time only then), so memory does not grow with the period.
 */
public class DosingConsistencyRows {

    static final int FETCH_SIZE = 1000;

    /**
     * Take-home doses (DISPENSED movements) with their mg as corrected at or before {@code :upTo}: a
     * correction to another quantity scales the mg, one that removes the entry makes it 0. Callers add the
     * where clause on {@code m}.
     */
    static final String TAKE_HOME = """
            select m.client_id, m.occurred_at,
                   case when c.event_id is null then m.milligrams
                        when c.details -> 'correctedQuantity' ->> 'amount' is null then 0
                        else m.milligrams * (c.details -> 'correctedQuantity' ->> 'amount')::numeric / m.quantity
                   end as mg
            from stock_movement m
            left join stock_movement c on c.practice_id = m.practice_id and c.movement = 'CORRECTED'
                                      and c.ledger_position <= :upTo and c.details ->> 'correctedEventId' = m.event_id
            """;

    private static final String SESSIONS = """
            with change as (
                select c.practice_id, c.location_id, c.ndc, c.lot_number, c.draw_id,
                       min(c.ledger_position) as drawn_position,
                       sum(c.drawn_mg) as drawn_mg, sum(c.administered_mg) as administered_mg,
                       sum(c.wasted_mg) as wasted_mg,
                       min(c.occurred_at) filter (where c.movement = 'ADMINISTERED') as first_administered_at,
                       min(c.occurred_at) filter (where c.movement = 'WASTED') as first_wasted_at,
                       (array_agg(c.actor order by c.ledger_position desc)
                            filter (where c.movement = 'ADMINISTERED'))[1] as administered_by,
                       (array_agg(c.route order by c.ledger_position desc)
                            filter (where c.movement = 'ADMINISTERED'))[1] as route,
                       jsonb_agg(c.plan_flags order by c.ledger_position) as plan_flags,
                       jsonb_agg(c.overrides order by c.ledger_position) as overrides
                from dosing_report_draw_change c
                where c.practice_id = :practice and c.ledger_position <= :upTo
                group by c.practice_id, c.location_id, c.ndc, c.lot_number, c.draw_id
                having bool_or(c.movement = 'DRAWN')
            ), draw as (
                select d.client_id, coalesce(d.session_id, 'draw:' || d.draw_id) as session_id, d.drawn_by,
                       d.drawn_at, p.substance as product_substance, c.*
                from change c
                join dosing_report_draw d
                  on d.practice_id = c.practice_id and d.location_id = c.location_id and d.ndc = c.ndc
                 and d.lot_number = c.lot_number and d.draw_id = c.draw_id
                left join product_catalogue p on p.practice_id = d.practice_id and p.ndc = d.ndc
                where (cast(:client as varchar) is null or d.client_id = :client)
            ), session as (
                select dr.client_id, dr.session_id, min(dr.drawn_at) as first_drawn_at,
                       min(dr.first_administered_at) as first_administered_at,
                       min(dr.first_wasted_at) as first_wasted_at, sum(dr.drawn_mg) as drawn_mg,
                       sum(dr.administered_mg) as administered_mg, sum(dr.wasted_mg) as wasted_mg,
                       array_agg(dr.route) filter (where dr.route is not null) as routes,
                       array_agg(dr.drawn_by) as drawn_by,
                       array_agg(dr.administered_by) filter (where dr.administered_by is not null) as administered_by,
                       jsonb_agg(dr.plan_flags order by dr.drawn_position) as plan_flags,
                       jsonb_agg(dr.overrides order by dr.drawn_position) as overrides,
                       (array_agg(dr.product_substance order by dr.drawn_position))[1] as product_substance,
                       (array_agg(dr.location_id order by dr.drawn_position))[1] as draw_location_id
                from draw dr
                group by dr.client_id, dr.session_id
            ), judged as (
                select s.*,
                       coalesce(case when r.started_position <= :upTo then r.started_at end, s.first_drawn_at) as at,
                       coalesce(case when r.scheduled_position <= :upTo then r.substance end, s.product_substance)
                           as substance,
                       coalesce(case when r.started_position <= :upTo then r.location_id end, s.draw_location_id)
                           as session_location_id
                from session s
                left join dosing_report_session r
                  on r.practice_id = :practice and r.client_id = s.client_id and r.session_id = s.session_id
            ), numbered as (
                select j.*, row_number() over (partition by j.client_id
                                               order by j.at, j.session_id collate "C") as number
                from judged j
            ), linked as (
                select n.*, max(case when n.administered_mg > 0 then n.number end)
                                over (partition by n.client_id order by n.number
                                      rows between unbounded preceding and 1 preceding) as previous_number,
                       lead(n.at) over (partition by n.client_id order by n.number) as next_at
                from numbered n
            )
            select l.client_id, l.session_id, l.at, l.substance, l.session_location_id, l.routes, l.drawn_mg,
                   l.administered_mg, l.wasted_mg, l.first_drawn_at, l.first_administered_at, l.first_wasted_at,
                   l.drawn_by, l.administered_by, l.plan_flags::text as plan_flags, l.overrides::text as overrides,
                   previous.session_id as previous_session_id, previous.at as previous_at,
                   previous.administered_mg as previous_administered_mg,
                   plan.plan_id, plan.route as plan_route, plan.dose_basis, plan.min_dose, plan.max_dose,
                   plan.max_single_dose, plan.min_interval, weight.kilograms,
                   (select count(*) from dosing_report_vitals v
                    where v.practice_id = :practice and v.client_id = l.client_id and v.session_id = l.session_id
                      and v.ledger_position <= :upTo) as vitals,
                   (select sum(t.mg) from (""" + TAKE_HOME + """
                        where m.practice_id = :practice and m.movement = 'DISPENSED' and m.client_id = l.client_id
                          and m.ledger_position <= :upTo and m.occurred_at >= l.at
                          and (l.next_at is null or m.occurred_at < l.next_at)) t) as take_home_mg
            from linked l
            left join linked previous on previous.client_id = l.client_id and previous.number = l.previous_number
            left join lateral (
                select pl.* from dosing_report_plan pl
                where pl.practice_id = :practice and pl.client_id = l.client_id and pl.ledger_position <= :upTo
                  and pl.effective_at <= l.at
                order by pl.effective_at desc, pl.ledger_position desc limit 1) plan on true
            left join lateral (
                select w.kilograms from dosing_report_weight w
                where w.practice_id = :practice and w.client_id = l.client_id and w.ledger_position <= :upTo
                  and w.measured_at <= l.at
                order by w.measured_at desc, w.ledger_position desc limit 1) weight on true
            where l.at >= :from and l.at < :to
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public DosingConsistencyRows(DataSource dataSource, ObjectMapper json) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.json = json;
    }

    /** What an export of a practice's (or one client's) dosing sessions is filtered by. */
    public record Filter(PracticeId practiceId, String clientId, Instant from, Instant to, long upTo) {}

    public long count(Filter filter) {
        Long count = jdbc.queryForObject("select count(*) from (" + SESSIONS + ") s", parameters(filter), Long.class);
        return count == null ? 0 : count;
    }

    /** Every dosed session of the period as the ledger stood at {@code upTo}, in time order. */
    public void sessions(Filter filter, Consumer<SessionDoseView> sessions) {
        jdbc.query(
                SESSIONS + " order by l.at, l.client_id collate \"C\", l.session_id collate \"C\"",
                parameters(filter),
                rs -> {
                    sessions.accept(session(rs));
                });
    }

    private static MapSqlParameterSource parameters(Filter filter) {
        return new MapSqlParameterSource()
                .addValue("practice", filter.practiceId().value())
                .addValue("client", filter.clientId())
                .addValue("upTo", filter.upTo())
                .addValue("from", Timestamp.from(filter.from()))
                .addValue("to", Timestamp.from(filter.to()));
    }

    private SessionDoseView session(ResultSet rs) throws SQLException {
        DosingReports.Session session =
                new DosingReports.Session(rs.getString("client_id"), rs.getString("session_id"));
        session.startedAt = instant(rs, "at");
        session.substance = rs.getString("substance");
        session.locationId = rs.getString("session_location_id");
        session.firstDrawnAt = instant(rs, "first_drawn_at");
        session.firstAdministeredAt = instant(rs, "first_administered_at");
        session.firstWastedAt = instant(rs, "first_wasted_at");
        session.drawnMg = rs.getBigDecimal("drawn_mg");
        session.administeredMg = rs.getBigDecimal("administered_mg");
        session.wastedMg = rs.getBigDecimal("wasted_mg");
        strings(rs.getArray("routes"), session.routes);
        strings(rs.getArray("drawn_by"), session.drawnBy);
        strings(rs.getArray("administered_by"), session.administeredBy);
        try {
            leaves(json.readTree(rs.getString("plan_flags")), flag -> session.flags.add(flag.asText()));
            leaves(json.readTree(rs.getString("overrides")), session.overrides::add);
        } catch (IOException e) {
            throw new SQLException("unreadable dosing session " + session.sessionId, e);
        }
        DosingReports.Session previous = null;
        if (rs.getString("previous_session_id") != null) {
            previous = new DosingReports.Session(session.clientId, rs.getString("previous_session_id"));
            previous.startedAt = instant(rs, "previous_at");
            previous.administeredMg = rs.getBigDecimal("previous_administered_mg");
        }
        PlanInForceView plan = rs.getString("plan_id") == null
                ? null
                : new PlanInForceView(
                        rs.getString("plan_id"),
                        rs.getString("plan_route"),
                        rs.getString("dose_basis"),
                        Decimals.plain(rs.getBigDecimal("min_dose")),
                        Decimals.plain(rs.getBigDecimal("max_dose")),
                        Decimals.plain(rs.getBigDecimal("max_single_dose")),
                        rs.getString("min_interval"));
        BigDecimal weight = rs.getBigDecimal("kilograms");
        return session.view(previous, plan, weight, rs.getInt("vitals"), json)
                .withTakeHome(Decimals.plain(rs.getBigDecimal("take_home_mg")));
    }

    private static void strings(Array array, Collection<String> into) throws SQLException {
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                if (value != null) {
                    into.add((String) value);
                }
            }
        }
    }

    /** The values of nested JSON arrays (a session's draws' administrations' flags or overrides), in order. */
    private static void leaves(JsonNode node, Consumer<JsonNode> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> leaves(element, into));
        } else {
            into.accept(node);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
