package org.doseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.support.ProjectionPositions;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin API over the streaming processors, end to end on the real database. */
class ProcessorAdminEndToEndTest extends EndToEndTest {

    private static final String STOCK = StockLotProjection.PROCESSING_GROUP;
    private static final String TIMELINE = ClientTimelineProjection.PROCESSING_GROUP;

    @Autowired
    ProjectionPositions positions;

    @Test
    void theListShowsEveryStreamingProcessorAndNoLookupTable() {
        long last = writeAHistory();
        awaitAt(STOCK, last);
        awaitAt(TIMELINE, last);

        JsonNode list = http.get("/api/admin/processors").key(adminKey).send().json();

        List<String> names = new ArrayList<>();
        list.forEach(processor -> names.add(processor.get("name").asText()));
        assertThat(names).contains(STOCK, TIMELINE).doesNotContain("practice-registry", "client-registry");
        JsonNode stock = byName(list, STOCK);
        assertThat(stock.get("running").asBoolean()).isTrue();
        assertThat(stock.get("segmentCount").asInt()).isEqualTo(4);
        assertThat(stock.get("segments")).hasSize(4);
        assertThat(stock.get("ledgerHead").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(stock.get("deadLetters").asLong()).isZero();
        assertThat(stock.get("segments").get(0).get("position").asLong()).isPositive();
    }

    @Test
    void theLagFallsToZeroOnceTheProcessorHasCaughtUp() {
        long last = writeAHistory();
        awaitAt(TIMELINE, last);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode timeline = byName(
                    http.get("/api/admin/processors").key(adminKey).send().json(), TIMELINE);
            long head = timeline.get("ledgerHead").asLong();
            long lowest = Long.MAX_VALUE;
            for (JsonNode segment : timeline.get("segments")) {
                lowest = Math.min(lowest, segment.get("position").asLong());
            }
            assertThat(timeline.get("lag").asLong()).isEqualTo(Math.max(0, head - lowest));
            assertThat(timeline.get("lag").asLong()).isZero();
        });
    }

    @Test
    void aReplayThroughTheEndpointRebuildsTheSameTables() {
        long last = writeAHistory();
        awaitAt(STOCK, last);
        List<String> tables =
                List.of("select * from stock_lot order by practice_id, location_id, ndc, lot_number", """
                        select ledger_position, event_id, practice_id, location_id, ndc, lot_number, movement,
                               quantity, milligrams, balance_change, balance_after, draw_id, client_id, actor,
                               witness, late_entry, occurred_at, recorded_at, details::text
                        from stock_movement order by ledger_position
                        """);
        List<List<Map<String, Object>>> before = snapshot(tables);

        Http.Response replay = adminAction("/api/admin/processors/" + STOCK + "/replay");

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().get("processors").get(0).asText()).isEqualTo(STOCK);
        assertThat(replay.json().get("ledgerHead").asLong()).isGreaterThanOrEqualTo(last);
        awaitCaughtUp(STOCK, last);
        assertThat(before).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertThat(snapshot(tables)).isEqualTo(before);
    }

    @Test
    void replayingAllRebuildsEveryReadModel() {
        long last = writeAHistory();
        awaitAt(TIMELINE, last);
        List<String> timeline = List.of("""
                select ledger_position, event_id, practice_id, client_id, event_type, occurred_at, recorded_at,
                       credential_id, practitioner_id, request_id, details::text
                from client_timeline order by ledger_position
                """);
        List<List<Map<String, Object>>> before = snapshot(timeline);

        Http.Response replay = adminAction("/api/admin/processors/replay");

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        List<String> started = new ArrayList<>();
        replay.json().get("processors").forEach(name -> started.add(name.asText()));
        assertThat(started).contains(STOCK, TIMELINE).doesNotContain("practice-registry");
        awaitCaughtUp(STOCK, last);
        awaitCaughtUp(TIMELINE, last);
        assertThat(snapshot(timeline)).isEqualTo(before);
    }

    @Test
    void anEventThatFailsIsDeadLetteredListedAndHandledOnRetry() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = unique("client");
        // the timeline refuses this one client's rows until the constraint is dropped again
        jdbc.execute("alter table client_timeline add constraint refuse_" + client.replace('-', '_')
                + " check (client_id <> '" + client + "') not valid");
        long position;
        try {
            Http.Response registered = http.post("/api/practices/" + practice + "/clients")
                    .key(writer)
                    .idempotencyKey(unique("idem"))
                    .body(Bodies.client(client, "2026-11-20T15:00:00Z"))
                    .send();
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            position = registered.json().get("ledgerPosition").asLong();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters(TIMELINE).size() == 1);
            awaitAt(TIMELINE, position);
        } finally {
            jdbc.execute("alter table client_timeline drop constraint refuse_" + client.replace('-', '_'));
        }

        JsonNode letter = deadLetters(TIMELINE).get(0);
        assertThat(letter.get("payloadType").asText()).isEqualTo("ClientRegistered");
        assertThat(letter.get("eventId").asText())
                .isEqualTo(jdbc.queryForObject(
                        "select event_identifier from domain_event_entry where global_index = ?",
                        String.class,
                        position));
        assertThat(letter.get("causeType").asText()).isNotBlank();
        assertThat(letter.get("causeMessage").asText()).contains("refuse_");
        assertThat(letter.get("enqueuedAt").asText()).isNotBlank();
        assertThat(letter.get("lastTouched").asText()).isNotBlank();
        assertThat(timelineRows(client)).isZero();
        assertThat(byName(http.get("/api/admin/processors").key(adminKey).send().json(), TIMELINE)
                        .get("deadLetters")
                        .asLong())
                .isEqualTo(1);

        Http.Response retry = adminAction("/api/admin/processors/" + TIMELINE + "/dead-letters/retry");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("processed").asInt()).isEqualTo(1);
        assertThat(retry.json().get("remainingSequences").asLong()).isZero();
        assertThat(retry.json().get("remainingDeadLetters").asLong()).isZero();
        assertThat(timelineRows(client)).isEqualTo(1);
        assertThat(deadLetters(TIMELINE)).isEmpty();
    }

    @Test
    void prometheusShowsTheLagAndDeadLettersOfEachProcessor() {
        Http.Response metrics = http.get("/actuator/prometheus").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text())
                .containsPattern("ledger_projection_lag\\{[^}]*processor=\"" + STOCK + "\"[^}]*} \\d")
                .containsPattern("ledger_projection_lag\\{[^}]*processor=\"" + TIMELINE + "\"")
                .containsPattern("ledger_projection_dead_letters\\{[^}]*processor=\"" + TIMELINE + "\"")
                .doesNotContain("processor=\"practice-registry\"");
    }

    @Test
    void onlyAdminKeysMayOperateProcessors() {
        String practice = newPractice();
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        String writer = issueKey("PRACTICE_WRITER", practice);

        for (String key : List.of(officer, writer)) {
            assertProblem(http.get("/api/admin/processors").key(key).send(), 403, "FORBIDDEN");
            assertProblem(http.post("/api/admin/processors/replay").key(key).send(), 403, "FORBIDDEN");
            assertProblem(
                    http.post("/api/admin/processors/" + STOCK + "/replay")
                            .key(key)
                            .send(),
                    403,
                    "FORBIDDEN");
            assertProblem(
                    http.get("/api/admin/processors/" + STOCK + "/dead-letters")
                            .key(key)
                            .send(),
                    403,
                    "FORBIDDEN");
            assertProblem(
                    http.post("/api/admin/processors/" + STOCK + "/dead-letters/retry")
                            .key(key)
                            .send(),
                    403,
                    "FORBIDDEN");
        }
        assertProblem(http.get("/api/admin/processors").send(), 401, "UNAUTHENTICATED");
    }

    @Test
    void anUnknownOrSubscribingProcessorIsNotFound() {
        for (String name : List.of("no-such-processor", "practice-registry")) {
            assertProblem(adminAction("/api/admin/processors/" + name + "/replay"), 404, "PROCESSOR_NOT_FOUND");
            assertProblem(
                    http.get("/api/admin/processors/" + name + "/dead-letters")
                            .key(adminKey)
                            .send(),
                    404,
                    "PROCESSOR_NOT_FOUND");
            assertProblem(
                    adminAction("/api/admin/processors/" + name + "/dead-letters/retry"), 404, "PROCESSOR_NOT_FOUND");
        }
    }

    @Test
    void anAdminActionIsAnExplicitRequestThatARetryDoesNotRepeat() {
        String tokensBefore = tokens(STOCK);

        assertProblem(
                http.post("/api/admin/processors/" + STOCK + "/replay")
                        .key(adminKey)
                        .body("{\"reason\":\"no key\"}")
                        .send(),
                400,
                "IDEMPOTENCY_KEY_REQUIRED");
        assertProblem(
                http.post("/api/admin/processors/" + STOCK + "/replay")
                        .key(adminKey)
                        .idempotencyKey(unique("admin"))
                        .header("Content-Type", "text/plain")
                        .body("replay please")
                        .send(),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(
                http.post("/api/admin/processors/" + STOCK + "/replay")
                        .key(adminKey)
                        .idempotencyKey(unique("admin"))
                        .body("{}")
                        .send(),
                400,
                "VALIDATION_FAILED");
        assertThat(tokens(STOCK)).as("nothing was reset").isEqualTo(tokensBefore);

        String key = unique("admin");
        List<Http.Response> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            answers.add(http.post("/api/admin/processors/" + STOCK + "/replay")
                    .key(adminKey)
                    .idempotencyKey(key)
                    .body("{\"reason\":\"rebuild after a fix\"}")
                    .send());
        }
        assertThat(answers.get(0).status()).as(answers.get(0).toString()).isEqualTo(202);
        assertThat(answers.subList(1, 8)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(202, 409);
            if (answer.status() == 202) {
                assertThat(answer.header("Idempotent-Replayed")).contains("true");
                assertThat(answer.json()).isEqualTo(answers.get(0).json());
            } else {
                assertThat(answer.json().get("code").asText()).isEqualTo("ACTION_IN_PROGRESS");
            }
        });
    }

    private String tokens(String processor) {
        return jdbc.queryForList(
                        "select segment || ':' || encode(token, 'escape') from token_entry where processor_name = ?"
                                + " order by segment",
                        String.class,
                        processor)
                .toString();
    }

    @Test
    void aLimitOutsideOneToAThousandIsRefused() {
        assertProblem(
                http.get("/api/admin/processors/" + TIMELINE + "/dead-letters?limit=0")
                        .key(adminKey)
                        .send(),
                400,
                "VALIDATION_FAILED");
    }

    private JsonNode deadLetters(String processor) {
        Http.Response response = http.get("/api/admin/processors/" + processor + "/dead-letters")
                .key(adminKey)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long timelineRows(String client) {
        return jdbc.queryForObject("select count(*) from client_timeline where client_id = ?", Long.class, client);
    }

    private static JsonNode byName(JsonNode list, String name) {
        for (JsonNode processor : list) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + list);
    }

    private void awaitCaughtUp(String processor, long position) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = byName(
                    http.get("/api/admin/processors").key(adminKey).send().json(), processor);
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("running").asBoolean()).isTrue();
        });
        awaitAt(processor, position);
    }

    private long writeAHistory() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        StockFixture stock = new StockFixture(this, http, practice, writer, client);
        recordConsent(practice, client, writer, "2026-11-20T15:30:00Z");
        StockFixture.created(stock.receive("safe-1", "R1", 2, "2027-06-30"));
        String drawId = StockFixture.created(stock.draw("safe-1", "R1", "2.5", "rn-1"))
                .get("id")
                .asText();
        return StockFixture.created(stock.administer("safe-1", "R1", drawId, "2.5"))
                .get("ledgerPosition")
                .asLong();
    }

    private void awaitAt(String processorName, long position) {
        await().atMost(Duration.ofSeconds(30)).until(() -> positions.hasReached(processorName, position));
    }

    private List<List<Map<String, Object>>> snapshot(List<String> queries) {
        return queries.stream().map(jdbc::queryForList).toList();
    }
}
