package org.doseledger.projections.consistency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.client.api.ClientWeightRecordedEvent;
import org.doseledger.core.client.api.TreatmentPlanAmendedEvent;
import org.doseledger.core.client.api.TreatmentPlanApprovedEvent;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.DosingSessionCancelledEvent;
import org.doseledger.core.session.api.DosingSessionScheduledEvent;
import org.doseledger.core.session.api.DosingSessionStartedEvent;
import org.doseledger.core.session.api.VitalsRecordedEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.support.BatchedInserts;
import org.doseledger.projections.support.LedgerPosition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps what the dosing-consistency report is computed from: each client's dosing sessions, the
 * draws given in them, the vitals taken, and the plan versions and weights in force over time. A draw
 * remembers the last ledger position applied to it (all of a draw's events are in its lot's stream,
 * so they arrive in order); every other row is keyed by its event's position or set idempotently. Rows
 * that no handler here reads back (sessions, draw changes, vitals, plans, weights) are held back and sent
 * as JDBC batches when the processor allows it ({@link BatchedInserts}); a draw's row, which its later
 * events update and a correction reads, is written at once.
 */
@ProcessingGroup(DosingConsistencyProjection.PROCESSING_GROUP)
public class DosingConsistencyProjection {

    public static final String PROCESSING_GROUP = "dosing-consistency";
    private static final String DRAW_KEY =
            "practice_id = ? and location_id = ? and ndc = ? and lot_number = ? and draw_id = ?";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public DosingConsistencyProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DosingSessionScheduledEvent event, @LedgerPosition long position) {
        session(
                event.practiceId(),
                event.clientId(),
                event.sessionId(),
                "substance, scheduled_for, scheduled_position",
                event.substance().name(),
                Timestamp.from(event.scheduledFor()),
                position);
    }

    @EventHandler
    void on(DosingSessionStartedEvent event, @LedgerPosition long position) {
        session(
                event.practiceId(),
                event.clientId(),
                event.sessionId(),
                "started_at, location_id, monitored_by, started_position",
                Timestamp.from(event.occurredAt()),
                event.locationId(),
                event.monitoredBy(),
                position);
    }

    @EventHandler
    void on(DosingSessionCancelledEvent event) {
        session(event.practiceId(), event.clientId(), event.sessionId(), "cancelled", true);
    }

    @EventHandler
    void on(ClientDischargedEvent event) {
        session(
                event.practiceId(),
                event.clientId(),
                event.sessionId(),
                "discharged_at",
                Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(VitalsRecordedEvent event, @LedgerPosition long position) {
        BatchedInserts.insert(
                jdbc,
                """
                insert into dosing_report_vitals (ledger_position, practice_id, client_id, session_id, taken_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """,
                position,
                event.practiceId().value(),
                event.clientId(),
                event.sessionId(),
                Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(ClientWeightRecordedEvent event, @LedgerPosition long position) {
        BatchedInserts.insert(
                jdbc,
                """
                insert into dosing_report_weight (ledger_position, practice_id, client_id, measured_at, kilograms)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """,
                position,
                event.practiceId().value(),
                event.clientId(),
                Timestamp.from(event.occurredAt()),
                event.kilograms());
    }

    @EventHandler
    void on(TreatmentPlanApprovedEvent event, @LedgerPosition long position) {
        plan(event.practiceId(), event.clientId(), event.planId(), event.terms(), event, position);
    }

    @EventHandler
    void on(TreatmentPlanAmendedEvent event, @LedgerPosition long position) {
        plan(event.practiceId(), event.clientId(), event.planId(), event.terms(), event, position);
    }

    @EventHandler
    void on(DoseDrawnEvent event, @LedgerPosition long position) {
        StockLotRef lot = event.lot();
        jdbc.update(
                """
                insert into dosing_report_draw (practice_id, location_id, ndc, lot_number, draw_id, client_id,
                                                session_id, drawn_by, drawn_at, drawn_mg, last_position)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                lot.practiceId().value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                event.drawId(),
                event.clientId(),
                event.sessionId(),
                event.drawnBy(),
                Timestamp.from(event.occurredAt()),
                event.milligrams(),
                position);
        change(
                position,
                lot,
                event.drawId(),
                "DRAWN",
                "drawn_mg",
                event.milligrams(),
                event.occurredAt(),
                event.drawnBy(),
                null,
                "[]",
                "[]");
    }

    @EventHandler
    void on(DoseAdministeredEvent event, @LedgerPosition long position) throws JsonProcessingException {
        List<Object> overrides = new java.util.ArrayList<>();
        if (event.override() != null) {
            // a rationale about the client is kept sealed, as the event holds it, and opened for readers
            Map<String, Object> override = new java.util.LinkedHashMap<>();
            if (event.override().sealedRationale() != null) {
                override.put("sealedRationale", event.override().sealedRationale());
            } else {
                override.put("rationale", event.override().rationale());
            }
            override.put("approvedBy", event.override().approvedBy());
            override.put("at", event.occurredAt().toString());
            overrides.add(override);
        }
        String flags = json.writeValueAsString(event.planFlags() == null ? List.of() : event.planFlags());
        String overridden = json.writeValueAsString(overrides);
        change(
                position,
                event.lot(),
                event.drawId(),
                "ADMINISTERED",
                "administered_mg",
                event.milligrams(),
                event.occurredAt(),
                event.administeredBy(),
                event.route().name(),
                flags,
                overridden);
        jdbc.update(
                """
                update dosing_report_draw
                set administered_mg = administered_mg + ?,
                    first_administered_at = least(first_administered_at, ?),
                    administered_by = ?, route = ?,
                    plan_flags = (select coalesce(jsonb_agg(distinct flag), '[]'::jsonb)
                                  from jsonb_array_elements(plan_flags || ?::jsonb) as flag),
                    overrides = overrides || ?::jsonb,
                    last_position = ?
                where %s and last_position < ?
                """.formatted(DRAW_KEY),
                event.milligrams(),
                Timestamp.from(event.occurredAt()),
                event.administeredBy(),
                event.route().name(),
                flags,
                overridden,
                position,
                event.lot().practiceId().value(),
                event.lot().locationId(),
                event.lot().ndc(),
                event.lot().lotNumber(),
                event.drawId(),
                position);
    }

    @EventHandler
    void on(DoseWastedEvent event, @LedgerPosition long position) {
        change(
                position,
                event.lot(),
                event.drawId(),
                "WASTED",
                "wasted_mg",
                event.milligrams(),
                event.occurredAt(),
                event.wastedBy(),
                null,
                "[]",
                "[]");
        jdbc.update(
                """
                update dosing_report_draw
                set wasted_mg = wasted_mg + ?, first_wasted_at = least(first_wasted_at, ?), last_position = ?
                where %s and last_position < ?
                """.formatted(DRAW_KEY),
                event.milligrams(),
                Timestamp.from(event.occurredAt()),
                position,
                event.lot().practiceId().value(),
                event.lot().locationId(),
                event.lot().ndc(),
                event.lot().lotNumber(),
                event.drawId(),
                position);
    }

    /** A corrected draw, administration or waste changes the draw's milligrams by the corrected difference. */
    @EventHandler
    void on(EntryCorrectedEvent event, @LedgerPosition long position) {
        if (event.drawId() == null) {
            return;
        }
        String column = switch (event.correctedMovement()) {
            case DRAWN -> "drawn_mg";
            case ADMINISTERED -> "administered_mg";
            case WASTED -> "wasted_mg";
            default -> null;
        };
        if (column == null) {
            return;
        }
        BigDecimal corrected = event.correctedQuantity() == null
                ? BigDecimal.ZERO
                : event.correctedQuantity().amount();
        BigDecimal change = corrected.subtract(event.originalQuantity().amount());
        jdbc.update(
                """
                insert into dosing_report_draw_change (ledger_position, practice_id, location_id, ndc, lot_number,
                                                       draw_id, movement, %1$s, occurred_at, actor)
                select ?, d.practice_id, d.location_id, d.ndc, d.lot_number, d.draw_id, 'CORRECTED',
                       ? * p.milligrams_per_unit, ?, ?
                from dosing_report_draw d
                join product_catalogue p on p.practice_id = d.practice_id and p.ndc = d.ndc
                where d.practice_id = ? and d.location_id = ? and d.ndc = ? and d.lot_number = ? and d.draw_id = ?
                on conflict do nothing
                """.formatted(column),
                position,
                change,
                Timestamp.from(event.occurredAt()),
                event.correctedBy(),
                event.lot().practiceId().value(),
                event.lot().locationId(),
                event.lot().ndc(),
                event.lot().lotNumber(),
                event.drawId());
        jdbc.update(
                """
                update dosing_report_draw d
                set %1$s = %1$s + ? * p.milligrams_per_unit, last_position = ?
                from product_catalogue p
                where p.practice_id = d.practice_id and p.ndc = d.ndc
                  and d.practice_id = ? and d.location_id = ? and d.ndc = ? and d.lot_number = ? and d.draw_id = ?
                  and d.last_position < ?
                """.formatted(column),
                change,
                position,
                event.lot().practiceId().value(),
                event.lot().locationId(),
                event.lot().ndc(),
                event.lot().lotNumber(),
                event.drawId(),
                position);
    }

    @ResetHandler
    void reset() {
        for (String table : List.of(
                "dosing_report_session",
                "dosing_report_draw",
                "dosing_report_draw_change",
                "dosing_report_vitals",
                "dosing_report_plan",
                "dosing_report_weight")) {
            jdbc.update("delete from " + table);
        }
    }

    @QueryHandler
    public DosingConsistencyView handle(FindDosingConsistencyQuery query) {
        return new DosingReports(jdbc, json).consistency(query);
    }

    @QueryHandler
    public DoseDistributionView handle(FindDoseDistributionQuery query) {
        return new DosingReports(jdbc, json).distribution(query);
    }

    /**
     * The event that changed a draw, as a row of its own keyed by its position: what the draw held at a
     * ledger position is the sum of its changes up to there ({@link DosingConsistencyRows}).
     */
    private void change(
            long position,
            StockLotRef lot,
            String drawId,
            String movement,
            String column,
            BigDecimal milligrams,
            Instant at,
            String actor,
            String route,
            String planFlags,
            String overrides) {
        BatchedInserts.insert(
                jdbc,
                """
                insert into dosing_report_draw_change (ledger_position, practice_id, location_id, ndc, lot_number,
                                                       draw_id, movement, %s, occurred_at, actor, route, plan_flags,
                                                       overrides)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) on conflict do nothing
                """.formatted(column),
                position,
                lot.practiceId().value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                drawId,
                movement,
                milligrams,
                Timestamp.from(at),
                actor,
                route,
                planFlags,
                overrides);
    }

    /**
     * The session's row with the columns this event sets, created if it is the session's first event. The
     * session events set disjoint columns, so the order in which they reach the row does not matter.
     */
    private void session(PracticeId practiceId, String clientId, String sessionId, String columns, Object... values) {
        List<String> names = List.of(columns.split(", "));
        Object[] args = new Object[3 + values.length];
        args[0] = practiceId.value();
        args[1] = clientId;
        args[2] = sessionId;
        System.arraycopy(values, 0, args, 3, values.length);
        BatchedInserts.insert(
                jdbc,
                "insert into dosing_report_session (practice_id, client_id, session_id, " + columns + ")"
                        + " values (?, ?, ?" + ", ?".repeat(names.size()) + ")"
                        + " on conflict (practice_id, client_id, session_id) do update set "
                        + String.join(
                                ", ",
                                names.stream()
                                        .map(name -> name + " = excluded." + name)
                                        .toList()),
                args);
    }

    private void plan(
            PracticeId practiceId,
            String clientId,
            String planId,
            TreatmentPlanTerms terms,
            org.doseledger.core.shared.LedgerEvent event,
            long position) {
        BatchedInserts.insert(
                jdbc,
                """
                insert into dosing_report_plan (ledger_position, practice_id, client_id, plan_id, effective_at, route,
                                                dose_basis, min_dose, max_dose, max_single_dose, min_interval)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                position,
                practiceId.value(),
                clientId,
                planId,
                Timestamp.from(event.occurredAt()),
                terms.route().name(),
                terms.doseBasis().name(),
                terms.minDose(),
                terms.maxDose(),
                terms.maxSingleDose(),
                terms.minIntervalBetweenDoses() == null
                        ? null
                        : terms.minIntervalBetweenDoses().toString());
    }
}
