package org.doseledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.doseledger.projections.access.AccessLogProjection;
import org.doseledger.projections.audit.AuditTrailProjection;
import org.doseledger.projections.compliance.ComplianceExceptionsProjection;
import org.doseledger.projections.consistency.DosingConsistencyProjection;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.support.ProjectionPositions;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

/** Every read model rebuilt from zero holds exactly what it held before. */
class ProjectionReplayTest extends EndToEndTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ProjectionPositions positions;

    @Autowired
    TransactionTemplate transactions;

    static Stream<Arguments> readModels() {
        return Stream.of(
                Arguments.of(
                        AccessLogProjection.PROCESSING_GROUP,
                        List.of(
                                "select ledger_position, event_id, access_id, practice_id, client_id, credential_id, role,"
                                        + " kind, endpoint, parameters::text, request_id, accessed_at from access_log"
                                        + " order by ledger_position",
                                "select * from access_log_review order by ledger_position")),
                Arguments.of(AuditTrailProjection.PROCESSING_GROUP, List.of("""
                                select ledger_position, event_id, event_type, aggregate_type, aggregate_id,
                                       sequence_number, practice_id, client_id, location_id, substance,
                                       practitioners::text, credential_id, request_id, idempotency_key, occurred_at,
                                       recorded_at
                                from audit_trail order by ledger_position
                                """, """
                                select * from audit_trail_practitioner
                                order by practice_id, practitioner_id, ledger_position
                                """)),
                Arguments.of(
                        ComplianceExceptionsProjection.PROCESSING_GROUP,
                        List.of(
                                "select * from compliance_exception order by practice_id, exception_id",
                                "select * from compliance_exception_review order by practice_id, exception_id",
                                "select * from compliance_inventory_fact order by ledger_position")),
                Arguments.of(
                        DosingConsistencyProjection.PROCESSING_GROUP,
                        List.of(
                                "select * from dosing_report_session order by practice_id, client_id, session_id",
                                """
                                select practice_id, location_id, ndc, lot_number, draw_id, client_id, session_id,
                                       drawn_by, drawn_at, drawn_mg, administered_mg, first_administered_at,
                                       administered_by, route, wasted_mg, first_wasted_at, plan_flags::text,
                                       overrides::text, last_position
                                from dosing_report_draw order by practice_id, location_id, ndc, lot_number, draw_id
                                """,
                                """
                                select ledger_position, practice_id, location_id, ndc, lot_number, draw_id, movement,
                                       drawn_mg, administered_mg, wasted_mg, occurred_at, actor, route,
                                       plan_flags::text, overrides::text
                                from dosing_report_draw_change order by ledger_position
                                """,
                                "select * from dosing_report_vitals order by ledger_position",
                                "select * from dosing_report_plan order by ledger_position",
                                "select * from dosing_report_weight order by ledger_position")),
                Arguments.of(ClientTimelineProjection.PROCESSING_GROUP, List.of("""
                                select ledger_position, event_id, practice_id, client_id, event_type, occurred_at,
                                       recorded_at, credential_id, practitioner_id, request_id, details::text,
                                       corrects_event_id
                                from client_timeline order by ledger_position
                                """)),
                Arguments.of(
                        StockLotProjection.PROCESSING_GROUP,
                        List.of("select * from stock_lot order by practice_id, location_id, ndc, lot_number", """
                                select ledger_position, event_id, practice_id, location_id, ndc, lot_number, movement,
                                       quantity, milligrams, balance_change, balance_after, draw_id, client_id, actor,
                                       witness, late_entry, occurred_at, recorded_at, details::text
                                from stock_movement order by ledger_position
                                """)));
    }

    @ParameterizedTest
    @MethodSource("readModels")
    void rebuildingFromZeroGivesTheSameTables(String processorName, List<String> tables) {
        long last = writeAHistory();
        awaitAt(processorName, last);
        List<List<Map<String, Object>>> before = snapshot(tables);
        StreamingEventProcessor processor = processing
                .eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow();

        processor.shutDown();
        processor.resetTokens();
        assertThat(snapshot(tables))
                .as("the reset handler empties the tables")
                .allSatisfy(rows -> assertThat(rows).isEmpty());
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying());
        awaitAt(processorName, last);

        assertThat(before).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertThat(snapshot(tables)).isEqualTo(before);
    }

    /**
     * V25 fills the dosing read model's draw changes and session positions from the ledger for what the
     * processor had handled before the migration: run again on emptied columns, it gives what the
     * processor writes.
     */
    @Test
    void theDosingPositionsMigrationFillsFromTheLedgerWhatTheProcessorWrites() throws IOException {
        long last = writeAHistory();
        awaitAt(DosingConsistencyProjection.PROCESSING_GROUP, last);
        StreamingEventProcessor processor = processing
                .eventProcessor(DosingConsistencyProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            List<String> tables = List.of("""
                    select ledger_position, practice_id, location_id, ndc, lot_number, draw_id, movement, drawn_mg,
                           administered_mg, wasted_mg, occurred_at, actor, route, plan_flags, overrides
                    from dosing_report_draw_change order by ledger_position
                    """, """
                    select practice_id, client_id, session_id, scheduled_position, started_position
                    from dosing_report_session order by practice_id, client_id, session_id
                    """);
            List<List<Map<String, Object>>> before = writtenBeforeSealedRationales(snapshot(tables));
            String migration = new ClassPathResource("db/migration/consistency/V25__dosing_consistency_positions.sql")
                    .getContentAsString(StandardCharsets.UTF_8);
            String backfill = migration.substring(migration.indexOf("-- Backfill:"));
            List<List<Map<String, Object>>> after = new java.util.ArrayList<>();
            // compared inside the transaction, then rolled back: the read model stays as its processor wrote it
            transactions.executeWithoutResult(status -> {
                jdbc.update("delete from dosing_report_draw_change");
                jdbc.update("update dosing_report_session set scheduled_position = null, started_position = null");
                jdbc.execute((ConnectionCallback<Void>) connection -> {
                    ScriptUtils.executeSqlScript(
                            connection, new ByteArrayResource(backfill.getBytes(StandardCharsets.UTF_8)));
                    return null;
                });
                after.addAll(snapshot(tables));
                status.setRollbackOnly();
            });

            assertThat(before.get(0)).isNotEmpty();
            assertThat(before.get(1))
                    .anySatisfy(row -> assertThat(row.get("started_position")).isNotNull());
            java.util.Set<Object> sealed = sealedRationalePositions(snapshot(tables));
            assertThat(List.of(
                            after.get(0).stream()
                                    .filter(row -> !sealed.contains(row.get("ledger_position")))
                                    .toList(),
                            after.get(1)))
                    .isEqualTo(before);
        } finally {
            processor.start();
        }
    }

    private long writeAHistory() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        StockFixture stock = new StockFixture(this, http, practice, writer, client);
        String consentId = recordConsent(practice, client, writer, "2026-11-20T15:30:00Z")
                .get("id")
                .asText();
        http.post("/api/practices/" + practice + "/clients/" + client + "/consents/" + consentId + "/revocation")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.revocation("2026-11-25T09:00:00Z"))
                .send();
        recordDosingFacts(stock);
        StockFixture.created(stock.receive("safe-1", "R1", 2, "2027-06-30"));
        String drawId = StockFixture.created(stock.draw("safe-1", "R1", "2.5", "rn-1"))
                .get("id")
                .asText();
        StockFixture.created(stock.administer("safe-1", "R1", drawId, "2"));
        long wasted = StockFixture.created(stock.waste("safe-1", "R1", drawId, "0.5", "rn-1", "rn-2"))
                .get("ledgerPosition")
                .asLong();
        long acknowledged = acknowledgeTheUnwitnessedDraw(practice, drawId, wasted);
        return readAndReviewTheAccessLog(practice, client, acknowledged);
    }

    /** A read of the client's timeline and a review of the access log, so that the access log has both. */
    private long readAndReviewTheAccessLog(String practice, String client, long after) {
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        Http.Response read = http.get(
                        "/api/practices/" + practice + "/clients/" + client + "/timeline?atLeastPosition=" + after)
                .key(officer)
                .send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        Http.Response reviewed = http.post("/api/practices/" + practice + "/access-log/reviews")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\","
                        + "\"reviewedBy\":\"J. Doe, compliance officer\"}")
                .send();
        return StockFixture.created(reviewed).get("ledgerPosition").asLong();
    }

    /** A weight, a plan and a started session with vitals, so that the dosing read model has them to rebuild. */
    private void recordDosingFacts(StockFixture stock) {
        String client = "/clients/" + stock.client;
        StockFixture.created(stock.post(
                client + "/weights",
                "{\"kilograms\":80,\"measuredBy\":\"rn-1\",\"occurredAt\":\"" + StockFixture.now() + "\"}"));
        StockFixture.created(stock.post(client + "/treatment-plans", """
                {"terms":{"dosingSessions":6,"preparationSessions":1,"integrationSessions":6,"route":"IM",
                  "minDose":50,"maxDose":150,"maxSingleDose":150,"minIntervalDays":6,"doseBasis":"MG"},
                 "approvedBy":"md-1","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        StockFixture.created(stock.post("/sessions", """
                {"sessionId":"s-1","clientId":"%s","substance":"KETAMINE","scheduledFor":"%s"}
                """.formatted(stock.client, StockFixture.now())));
        StockFixture.created(stock.post(
                "/sessions/s-1/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + StockFixture.now() + "\"}"));
        StockFixture.created(stock.post("/sessions/s-1/vitals", """
                {"systolicMmHg":128,"diastolicMmHg":82,"heartRateBpm":74,"spo2Percent":98,"takenBy":"rn-2",
                 "takenAt":"%s"}
                """.formatted(StockFixture.now())));
    }

    /** An officer's review, so that the exceptions read model has one to rebuild. */
    private long acknowledgeTheUnwitnessedDraw(String practice, String drawId, long after) {
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        String exception = "/api/practices/" + practice + "/exceptions/UNWITNESSED_DRAW:safe-1:" + StockFixture.NDC
                + ":R1:" + drawId;
        Http.Response found =
                http.get(exception + "?atLeastPosition=" + after).key(officer).send();
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        Http.Response acknowledged = http.post(exception + "/acknowledgement")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"reviewedBy\":\"J. Doe, compliance officer\",\"note\":\"policy allows it\"}")
                .send();
        return StockFixture.created(acknowledged).get("ledgerPosition").asLong();
    }

    private void awaitAt(String processorName, long position) {
        await().atMost(Duration.ofSeconds(30)).until(() -> positions.hasReached(processorName, position));
    }

    /**
     * V25 ran on ledgers written before overrides sealed their rationale; it cannot write the sealed item,
     * so rows of later overrides that hold one are not what it is checked against.
     */
    private static List<List<Map<String, Object>>> writtenBeforeSealedRationales(List<List<Map<String, Object>>> rows) {
        java.util.Set<Object> sealed = sealedRationalePositions(rows);
        return List.of(
                rows.get(0).stream()
                        .filter(row -> !sealed.contains(row.get("ledger_position")))
                        .toList(),
                rows.get(1));
    }

    private static java.util.Set<Object> sealedRationalePositions(List<List<Map<String, Object>>> rows) {
        return rows.get(0).stream()
                .filter(row -> String.valueOf(row.get("overrides")).contains("sealedRationale"))
                .map(row -> row.get("ledger_position"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private List<List<Map<String, Object>>> snapshot(List<String> queries) {
        return queries.stream().map(jdbc::queryForList).toList();
    }
}
