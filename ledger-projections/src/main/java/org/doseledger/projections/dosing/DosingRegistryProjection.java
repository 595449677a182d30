package org.doseledger.projections.dosing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.doseledger.core.client.api.ClientWeightRecordedEvent;
import org.doseledger.core.client.api.DosingHistory;
import org.doseledger.core.client.api.MedicalClearanceRecordedEvent;
import org.doseledger.core.client.api.TreatmentPlanAmendedEvent;
import org.doseledger.core.client.api.TreatmentPlanApprovedEvent;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.DosingSessionCancelledEvent;
import org.doseledger.core.session.api.DosingSessionScheduledEvent;
import org.doseledger.core.session.api.DosingSessionStartedEvent;
import org.doseledger.core.session.api.SessionFacts;
import org.doseledger.core.session.api.Sessions;
import org.doseledger.core.session.api.VitalsRecordedEvent;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.projections.support.Decimals;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each client's active treatment plan, medical clearances and the doses given, for the rules a new
 * dose is judged by. Kept by a subscribing processor in the transaction of the plan and dose events.
 */
@ProcessingGroup(DosingRegistryProjection.PROCESSING_GROUP)
public class DosingRegistryProjection implements DosingHistory, Sessions {

    public static final String PROCESSING_GROUP = "dosing-registry";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public DosingRegistryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DosingSessionScheduledEvent event) {
        jdbc.update(
                """
                insert into session_registry (practice_id, session_id, client_id, substance)
                values (?, ?, ?, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.sessionId(),
                event.clientId(),
                event.substance().name());
    }

    @EventHandler
    void on(DoseDispensedEvent event, EventMessage<?> message) {
        if (event.prescription() == null) {
            return;
        }
        jdbc.update(
                """
                insert into prescription_fill (practice_id, prescription_number, event_id, client_id)
                values (?, ?, ?, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.prescription().number(),
                message.getIdentifier(),
                event.clientId());
    }

    @EventHandler
    void on(DosingSessionStartedEvent event) {
        sessionMoment("started_at", event.practiceId().value(), event.sessionId(), event.occurredAt());
    }

    @EventHandler
    void on(ClientDischargedEvent event) {
        sessionMoment("discharged_at", event.practiceId().value(), event.sessionId(), event.occurredAt());
    }

    @EventHandler
    void on(DosingSessionCancelledEvent event) {
        sessionMoment("cancelled_at", event.practiceId().value(), event.sessionId(), event.occurredAt());
    }

    private void sessionMoment(String column, String practiceId, String sessionId, Instant at) {
        jdbc.update(
                "update session_registry set " + column + " = ? where practice_id = ? and session_id = ?",
                Timestamp.from(at),
                practiceId,
                sessionId);
    }

    @Override
    public Optional<SessionFacts> find(PracticeId practiceId, String sessionId) {
        return jdbc
                .query(
                        "select * from session_registry where practice_id = ? and session_id = ?",
                        (rs, row) -> new SessionFacts(
                                rs.getString("session_id"),
                                rs.getString("client_id"),
                                Substance.valueOf(rs.getString("substance")),
                                instant(rs.getTimestamp("started_at")),
                                instant(rs.getTimestamp("discharged_at")),
                                rs.getTimestamp("cancelled_at") != null),
                        practiceId.value(),
                        sessionId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Administrations> administrations(PracticeId practiceId, String sessionId) {
        return jdbc
                .query(
                        """
                        select min(occurred_at), max(occurred_at) from dose_registry
                        where practice_id = ? and session_id = ? having count(*) > 0
                        """,
                        (rs, row) -> new Administrations(
                                rs.getTimestamp(1).toInstant(),
                                rs.getTimestamp(2).toInstant()),
                        practiceId.value(),
                        sessionId)
                .stream()
                .findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @EventHandler
    void on(TreatmentPlanApprovedEvent event) throws JsonProcessingException {
        savePlan(event.practiceId().value(), event.clientId(), event.planId(), event.terms());
    }

    @EventHandler
    void on(TreatmentPlanAmendedEvent event) throws JsonProcessingException {
        savePlan(event.practiceId().value(), event.clientId(), event.planId(), event.terms());
    }

    @EventHandler
    void on(DoseAdministeredEvent event, @MessageIdentifier String eventId) {
        jdbc.update(
                """
                insert into dose_registry (event_id, practice_id, client_id, session_id, quantity, milligrams,
                                           occurred_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                eventId,
                event.practiceId().value(),
                event.clientId(),
                event.sessionId() != null ? event.sessionId() : event.drawId(),
                event.quantity().amount(),
                event.milligrams(),
                Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(ClientWeightRecordedEvent event, @MessageIdentifier String eventId) {
        jdbc.update(
                """
                insert into client_weight (event_id, practice_id, client_id, kilograms, measured_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """,
                eventId,
                event.practiceId().value(),
                event.clientId(),
                event.kilograms(),
                Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(MedicalClearanceRecordedEvent event) {
        jdbc.update(
                """
                insert into clearance_registry (practice_id, client_id, clearance_id, cleared_at, expires_at,
                                                max_systolic, max_diastolic)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.clientId(),
                event.clearanceId(),
                Timestamp.from(event.clearedAt()),
                event.expiresAt() == null ? null : Timestamp.from(event.expiresAt()),
                event.maxSystolicMmHg(),
                event.maxDiastolicMmHg());
    }

    @EventHandler
    void on(VitalsRecordedEvent event, @MessageIdentifier String eventId) {
        if (!event.hasBloodPressure()) {
            return; // the table holds the blood pressures doses are judged by
        }
        jdbc.update(
                """
                insert into session_vitals (event_id, practice_id, client_id, session_id, systolic, diastolic, taken_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                eventId,
                event.practiceId().value(),
                event.clientId(),
                event.sessionId(),
                event.systolicMmHg(),
                event.diastolicMmHg(),
                Timestamp.from(event.occurredAt()));
    }

    @Override
    public Optional<BloodPressure> clearanceLimit(ClientRef client, Instant at) {
        return jdbc
                .query(
                        """
                        select min(max_systolic), min(max_diastolic) from clearance_registry
                        where practice_id = ? and client_id = ? and cleared_at <= ?
                          and (expires_at is null or expires_at > ?)
                        having count(max_systolic) + count(max_diastolic) > 0
                        """,
                        (rs, row) -> new BloodPressure(
                                (Integer) rs.getObject(1, Integer.class), (Integer) rs.getObject(2, Integer.class)),
                        client.practiceId().value(),
                        client.clientId(),
                        Timestamp.from(at),
                        Timestamp.from(at))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<BigDecimal> weightKg(ClientRef client, Instant at) {
        return jdbc
                .query(
                        """
                        select kilograms from client_weight
                        where practice_id = ? and client_id = ? and measured_at <= ?
                        order by measured_at desc limit 1
                        """,
                        (rs, row) -> rs.getBigDecimal(1),
                        client.practiceId().value(),
                        client.clientId(),
                        Timestamp.from(at))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<BloodPressure> latestBloodPressure(ClientRef client, String sessionId, Instant at) {
        return jdbc
                .query(
                        """
                        select systolic, diastolic from session_vitals
                        where practice_id = ? and client_id = ? and session_id = ? and taken_at <= ?
                        order by taken_at desc limit 1
                        """,
                        (rs, row) -> new BloodPressure(rs.getInt(1), rs.getInt(2)),
                        client.practiceId().value(),
                        client.clientId(),
                        sessionId,
                        Timestamp.from(at))
                .stream()
                .findFirst();
    }

    @Override
    public boolean hasValidClearance(ClientRef client, Instant at) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                """
                select exists (select 1 from clearance_registry
                               where practice_id = ? and client_id = ? and cleared_at <= ?
                                 and (expires_at is null or expires_at > ?))
                """,
                Boolean.class,
                client.practiceId().value(),
                client.clientId(),
                Timestamp.from(at),
                Timestamp.from(at)));
    }

    /**
     * A corrected administration counts with its corrected amount (none, when it should not exist); a
     * take-home fill struck by a correction is no fill of its prescription.
     */
    @EventHandler
    void on(EntryCorrectedEvent event) {
        if (event.correctedMovement() == Movement.DISPENSED && event.correctedQuantity() == null) {
            jdbc.update("delete from prescription_fill where event_id = ?", event.correctedEventId());
            return;
        }
        if (event.correctedMovement() != Movement.ADMINISTERED) {
            return;
        }
        BigDecimal corrected = event.correctedQuantity() == null
                ? BigDecimal.ZERO
                : event.correctedQuantity().amount();
        jdbc.update("""
                update dose_registry set milligrams = milligrams * ? / quantity, quantity = ?
                where event_id = ? and quantity <> 0
                """, corrected, corrected, event.correctedEventId());
    }

    @Override
    public List<String> prescriptionFills(PracticeId practiceId, String number) {
        return jdbc.queryForList("""
                select client_id from prescription_fill where practice_id = ? and prescription_number = ?
                order by fill_order
                """, String.class, practiceId.value(), number);
    }

    @Override
    public Optional<TreatmentPlanTerms> activePlan(ClientRef client) {
        return jdbc
                .queryForList(
                        "select terms::text from plan_registry where practice_id = ? and client_id = ?",
                        String.class,
                        client.practiceId().value(),
                        client.clientId())
                .stream()
                .findFirst()
                .map(this::terms);
    }

    @Override
    public BigDecimal givenInSession(ClientRef client, String sessionId) {
        BigDecimal total =
                jdbc.queryForObject("""
                select coalesce(sum(milligrams), 0) from dose_registry
                where practice_id = ? and client_id = ? and session_id = ?
                """, BigDecimal.class, client.practiceId().value(), client.clientId(), sessionId);
        return Decimals.plain(total);
    }

    @Override
    public Optional<PastSession> previousSession(ClientRef client, String sessionId, Instant at) {
        List<PastSession> sessions = jdbc.query(
                """
                select session_id, max(occurred_at) as last_dose_at, sum(milligrams) as total_mg from dose_registry
                where practice_id = ? and client_id = ? and session_id <> ? and occurred_at <= ?
                group by session_id having sum(milligrams) > 0
                order by max(occurred_at) desc limit 1
                """,
                (rs, row) -> new PastSession(
                        rs.getString("session_id"),
                        rs.getTimestamp("last_dose_at").toInstant(),
                        Decimals.plain(rs.getBigDecimal("total_mg").setScale(3, RoundingMode.HALF_UP))),
                client.practiceId().value(),
                client.clientId(),
                sessionId,
                Timestamp.from(at));
        return sessions.stream().findFirst();
    }

    private void savePlan(String practiceId, String clientId, String planId, TreatmentPlanTerms terms)
            throws JsonProcessingException {
        jdbc.update("""
                insert into plan_registry (practice_id, client_id, plan_id, terms) values (?, ?, ?, ?::jsonb)
                on conflict (practice_id, client_id) do update set plan_id = excluded.plan_id, terms = excluded.terms
                """, practiceId, clientId, planId, json.writeValueAsString(terms));
    }

    private TreatmentPlanTerms terms(String text) {
        try {
            return json.readValue(text, TreatmentPlanTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable plan terms", e);
        }
    }
}
