package org.doseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Reconciliation of the read models with the event log, on demand: consistent read models say so up to
 * their settled position; rows lost, misplaced or applied twice are found and named by position, raise a
 * READ_MODEL_DIVERGED exception in the practice's queue and the divergence metric; a replay repairs them,
 * which the next reconciliation records by clearing the exception.
 */
// edits read-model tables as a database superuser: a database of its own
@TestPropertySource(properties = "ledger.test.isolated-context=reconciliation")
class ReadModelReconciliationEndToEndTest extends EndToEndTest {

    private StockFixture stock;
    private long last;
    private long drawn;

    @BeforeEach
    void aPracticeWithStockMovements() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "RC1", 2, "2030-01-31"));
        JsonNode draw = StockFixture.created(stock.draw("safe-1", "RC1", "1", "rn-1"));
        drawn = draw.get("ledgerPosition").asLong();
        last = StockFixture.created(
                        stock.administer("safe-1", "RC1", draw.get("id").asText(), "1"))
                .get("ledgerPosition")
                .asLong();
    }

    @Test
    void readModelsThatHoldEveryEventAreConsistentUpToTheirSettledPosition() {
        JsonNode results = reconcileOnceSettledPast(last);

        assertThat(results).isNotEmpty().allSatisfy(result -> {
            assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("CONSISTENT");
            assertThat(result.get("findings")).isEmpty();
        });
        assertThat(result(results, "audit-trail").get("eventsApplied").asLong())
                .isEqualTo(result(results, "audit-trail").get("eventsExpected").asLong())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where global_index <= ?",
                        Long.class,
                        result(results, "audit-trail").get("reconciledUpTo").asLong()));
    }

    @Test
    void lostMisplacedAndDoubleAppliedEventsAreFoundRaisedAndRepairedByAReplay() {
        reconcileOnceSettledPast(last);
        long movement = jdbc.queryForObject(
                "select min(ledger_position) from stock_movement where ledger_position > ?", Long.class, drawn - 1);
        jdbc.update("delete from audit_trail where ledger_position = ?", drawn);
        jdbc.update("update stock_movement set event_id = 'another-event' where ledger_position = ?", movement);
        jdbc.update(
                "update read_model_coverage set events = events + 1 where processor = 'dosing-consistency'"
                        + " and block = ?",
                drawn >> 10);

        JsonNode results = reconcile();

        JsonNode audit = result(results, "audit-trail");
        assertThat(audit.get("status").asText()).isEqualTo("DIVERGED");
        assertThat(finding(audit, "audit_trail", "MISSING")
                        .get("positions")
                        .get(0)
                        .asLong())
                .isEqualTo(drawn);
        JsonNode stockLots = result(results, "stock-lots");
        assertThat(finding(stockLots, "stock_movement", "WRONG_EVENT")
                        .get("positions")
                        .get(0)
                        .asLong())
                .isEqualTo(movement);
        assertThat(finding(result(results, "dosing-consistency"), "applied", "DUPLICATED")
                        .get("count")
                        .asLong())
                .isEqualTo(1);
        assertThat(result(results, "client-timeline").get("status").asText()).isEqualTo("CONSISTENT");
        assertThat(http.get("/actuator/prometheus").send().text())
                .contains("ledger_projection_divergences{application=\"dose-ledger\",processor=\"audit-trail\"} 1.0");
        JsonNode raised = await().atMost(Duration.ofSeconds(20))
                .until(() -> divergedExceptions("OPEN"), exceptions -> exceptions.size() == 3);
        assertThat(raised.toString()).contains("audit-trail").contains("MISSING");

        replay("audit-trail");
        replay("stock-lots");
        replay("dosing-consistency");
        JsonNode repaired = reconcileOnceSettledPast(last);

        assertThat(repaired)
                .allSatisfy(result -> assertThat(result.get("status").asText())
                        .as(result.toString())
                        .isEqualTo("CONSISTENT"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> divergedExceptions("CLEARED"), exceptions -> exceptions.size() == 3);
        assertThat(divergedExceptions("OPEN")).isEmpty();
    }

    private JsonNode reconcile() {
        Http.Response response = adminAction("/api/admin/processors/reconciliation");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Reconciles until every processor has settled past the position (read models catch up in the background). */
    private JsonNode reconcileOnceSettledPast(long position) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        this::reconcile,
                        results -> StreamSupport.stream(results.spliterator(), false)
                                .allMatch(result -> result.get("reconciledUpTo").asLong() >= position));
    }

    private void replay(String processor) {
        Http.Response response = adminAction("/api/admin/processors/" + processor + "/replay");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
    }

    private JsonNode divergedExceptions(String status) {
        Http.Response response = http.get(
                        "/api/practices/" + stock.practice + "/exceptions?kind=READ_MODEL_DIVERGED&status=" + status)
                .key(issueKey("COMPLIANCE_OFFICER", stock.practice))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("exceptions");
    }

    private static JsonNode result(JsonNode results, String processor) {
        return StreamSupport.stream(results.spliterator(), false)
                .filter(result -> result.get("processor").asText().equals(processor))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + processor + " in " + results));
    }

    private static JsonNode finding(JsonNode result, String source, String kind) {
        return StreamSupport.stream(result.get("findings").spliterator(), false)
                .filter(finding -> finding.get("source").asText().equals(source)
                        && finding.get("kind").asText().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + source + ": " + result));
    }
}
