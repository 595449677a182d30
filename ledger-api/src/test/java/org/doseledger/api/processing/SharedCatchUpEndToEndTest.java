package org.doseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.doseledger.projections.support.ProjectionPositions;
import org.doseledger.projections.support.SharedCatchUp;
import org.doseledger.projections.support.StreamingProcessors;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A replay of several read models reads the ledger once for all of them ({@link SharedCatchUp}), in batches
 * small enough here that a replay spans many: every event is applied once, at its own position, while
 * writers go on; a handler that fails ends its read model's part of the catch-up, whose processor takes
 * over from its last batch and dead-letters the event as it always does, and the others go on.
 */
// replays every read model and edits a read-model table: a database of its own
@TestPropertySource(
        properties = {
            "ledger.test.isolated-context=shared-catch-up",
            "ledger.projections.catch-up-batch-size=7",
            "ledger.reconciliation.enabled=false"
        })
class SharedCatchUpEndToEndTest extends EndToEndTest {

    private static final String TIMELINE = ClientTimelineProjection.PROCESSING_GROUP;

    @Autowired
    SharedCatchUp catchUp;

    @Autowired
    StreamingProcessors processors;

    @Autowired
    ProjectionPositions positions;

    @Autowired
    DataSource dataSource;

    private String practice;
    private String writer;
    private String client;
    private long last;

    @BeforeEach
    void aHistory() {
        practice = newPractice();
        writer = issueKey("PRACTICE_WRITER", practice);
        client = newClient(practice, writer);
        StockFixture stock = new StockFixture(this, http, practice, writer, client);
        recordConsent(practice, client, writer, "2026-11-20T15:30:00Z");
        StockFixture.created(stock.receive("safe-1", "SC1", 3, "2030-01-31"));
        for (int dose = 1; dose <= 3; dose++) {
            String draw = StockFixture.created(stock.draw("safe-1", "SC1", "2.5", "rn-1"))
                    .get("id")
                    .asText();
            last = StockFixture.created(stock.administer("safe-1", "SC1", draw, "2.5"))
                    .get("ledgerPosition")
                    .asLong();
        }
        for (String processor : processors.names()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> positions.hasReached(processor, last));
        }
    }

    @Test
    void aReplayOfEveryReadModelWhileWritersGoOnAppliesEachEventOnceAtItsOwnPosition() throws Exception {
        List<String> tables = List.of(
                "select * from stock_lot order by practice_id, location_id, ndc, lot_number",
                "select ledger_position, event_id, movement, quantity, balance_after from stock_movement"
                        + " where ledger_position <= " + last + " order by ledger_position",
                "select ledger_position, event_id, event_type, details::text from client_timeline"
                        + " where ledger_position <= " + last + " order by ledger_position",
                "select ledger_position, event_id, event_type, practitioners::text from audit_trail"
                        + " where ledger_position <= " + last + " order by ledger_position");
        List<List<Map<String, Object>>> before = snapshot(tables);
        long eventsBefore = eventRows();

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<List<Long>>> written = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            written.add(writers.submit(() -> {
                List<Long> at = new ArrayList<>();
                while (writing.get() || at.size() < 3) {
                    Http.Response registered = http.post("/api/practices/" + practice + "/clients")
                            .key(writer)
                            .idempotencyKey(unique("idem"))
                            .body(Bodies.client(unique("client"), "2026-11-21T10:00:00Z"))
                            .send();
                    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
                    at.add(registered.json().get("ledgerPosition").asLong());
                }
                return at;
            }));
        }
        Http.Response replay;
        SharedCatchUp.Outcome previous = catchUp.lastOutcome().orElse(null);
        try {
            replay = adminAction("/api/admin/processors/replay");
            awaitAnotherOutcomeThan(previous);
        } finally {
            writing.set(false);
            writers.shutdown();
        }
        long lastWritten = last;
        for (Future<List<Long>> thread : written) {
            for (long position : thread.get()) {
                lastWritten = Math.max(lastWritten, position);
            }
        }

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        SharedCatchUp.Outcome outcome = catchUp.lastOutcome().orElseThrow();
        assertThat(outcome.processors()).containsExactlyInAnyOrderElementsOf(processors.names());
        assertThat(outcome.reachedTheHead()).as(outcome.toString()).isTrue();
        assertThat(outcome.events()).isGreaterThanOrEqualTo(eventsBefore);
        assertThat(outcome.batches()).isGreaterThanOrEqualTo(eventsBefore / 7);
        awaitCaughtUp(lastWritten);
        JsonNode results = reconcileOnceSettledPast(lastWritten);
        assertThat(results)
                .isNotEmpty()
                .allSatisfy(result -> assertThat(result.get("status").asText())
                        .as(result.toString())
                        .isEqualTo("CONSISTENT"));
        assertThat(snapshot(tables)).isEqualTo(before);
    }

    @Test
    void aHandlerThatFailsEndsTheCatchUpAndItsProcessorDeadLettersTheEventAlone() {
        String refused = "refuse_" + client.replace('-', '_');
        jdbc.execute("alter table client_timeline add constraint " + refused + " check (client_id <> '" + client
                + "') not valid");
        SharedCatchUp.Outcome previous = catchUp.lastOutcome().orElse(null);
        try {
            Http.Response replay = adminAction("/api/admin/processors/replay");
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            awaitAnotherOutcomeThan(previous);
            awaitCaughtUp(last);
            await().atMost(Duration.ofSeconds(30)).until(() -> processors.deadLetterCount(TIMELINE) > 0);
        } finally {
            jdbc.execute("alter table client_timeline drop constraint " + refused);
        }

        SharedCatchUp.Outcome outcome = catchUp.lastOutcome().orElseThrow();
        assertThat(outcome.processors()).containsExactlyInAnyOrderElementsOf(processors.names());
        assertThat(outcome.stopped()).containsOnlyKeys(TIMELINE);
        assertThat(outcome.stopped().get(TIMELINE)).contains(refused);
        JsonNode stillMissing = reconcileOnceSettledPast(last);
        assertThat(result(stillMissing, TIMELINE).get("status").asText()).isEqualTo("DIVERGED");
        assertThat(stillMissing)
                .filteredOn(result -> !result.get("processor").asText().equals(TIMELINE))
                .allSatisfy(result -> assertThat(result.get("status").asText())
                        .as(result.toString())
                        .isEqualTo("CONSISTENT"));

        Http.Response retry = adminAction("/api/admin/processors/" + TIMELINE + "/dead-letters/retry");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("remainingDeadLetters").asLong()).isZero();
        assertThat(result(reconcileOnceSettledPast(last), TIMELINE)
                        .get("status")
                        .asText())
                .isEqualTo("CONSISTENT");
    }

    @Test
    void whileALaneRunsItsReadModelIsReplayingAndItsProcessorCannotClaimItsSegments() throws Exception {
        SharedCatchUp.Outcome previous = catchUp.lastOutcome().orElse(null);
        // the timeline's rows wait for an advisory lock that the test holds: its lane stays at its first batch
        jdbc.execute("""
                create function hold_timeline() returns trigger language plpgsql as $$
                begin perform pg_advisory_xact_lock_shared(4242); return new; end $$
                """);
        jdbc.execute("create trigger hold_timeline before insert on client_timeline"
                + " for each row execute function hold_timeline()");
        try (Connection holder = dataSource.getConnection()) {
            holder.createStatement().execute("select pg_advisory_lock(4242)");
            Http.Response replay;
            try {
                replay = adminAction("/api/admin/processors/replay");
                await().atMost(Duration.ofSeconds(8))
                        .during(Duration.ofSeconds(3))
                        .untilAsserted(() -> {
                            StreamingProcessors.ProcessorStatus status = processors.status(TIMELINE, processors.head());
                            assertThat(status.replaying()).isTrue();
                            assertThat(status.running()).isTrue();
                            assertThat(processors.segmentsHeldHere(TIMELINE)).isEmpty();
                            assertThat(catchUp.isCatchingUp(TIMELINE)).isTrue();
                        });
            } finally {
                holder.createStatement().execute("select pg_advisory_unlock(4242)");
            }
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        } finally {
            jdbc.execute("drop trigger hold_timeline on client_timeline");
            jdbc.execute("drop function hold_timeline()");
        }

        awaitAnotherOutcomeThan(previous);
        assertThat(catchUp.lastOutcome().orElseThrow().reachedTheHead()).isTrue();
        awaitCaughtUp(last);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !processors.segmentsHeldHere(TIMELINE).isEmpty());
    }

    private void awaitAnotherOutcomeThan(SharedCatchUp.Outcome previous) {
        await().atMost(Duration.ofSeconds(60)).until(() -> catchUp.lastOutcome().orElse(null) != previous);
    }

    private void awaitCaughtUp(long position) {
        for (String processor : processors.names()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                StreamingProcessors.ProcessorStatus status = processors.status(processor, processors.head());
                assertThat(status.replaying()).as(processor).isFalse();
                assertThat(status.running()).as(processor).isTrue();
                assertThat(positions.hasReached(processor, position))
                        .as(processor)
                        .isTrue();
            });
        }
    }

    private JsonNode reconcileOnceSettledPast(long position) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            Http.Response response = adminAction("/api/admin/processors/reconciliation");
                            assertThat(response.status())
                                    .as(response.toString())
                                    .isEqualTo(200);
                            return response.json();
                        },
                        results -> StreamSupport.stream(results.spliterator(), false)
                                .allMatch(result -> result.get("reconciledUpTo").asLong() >= position));
    }

    private static JsonNode result(JsonNode results, String processor) {
        return StreamSupport.stream(results.spliterator(), false)
                .filter(result -> result.get("processor").asText().equals(processor))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + processor + " in " + results));
    }

    private List<List<Map<String, Object>>> snapshot(List<String> queries) {
        return queries.stream().map(jdbc::queryForList).toList();
    }
}
