package org.doseledger.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchEndToEndTest extends EndToEndTest {

    private StockFixture stock;

    @BeforeEach
    void practiceWithStock() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
    }

    @Test
    void aBatchWritesEveryItemAndTheReadModelsShowThem() {
        String client = unique("client");
        String lot = stock.lotPath("safe-1", "LOT-B1");
        long before = eventRows();

        String sessionStart = java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .minusSeconds(120)
                .toString();
        String session = unique("session");
        Http.Response response = batch(
                unique("batch"),
                item("/clients", Bodies.client(client, StockFixture.now())),
                item("/clients/" + client + "/consents", Bodies.consent(StockFixture.now())),
                item("/sessions", """
                        {"sessionId":"%s","clientId":"%s","substance":"KETAMINE","scheduledFor":"%s"}
                        """.formatted(session, client, sessionStart)),
                item(
                        "/sessions/" + session + "/start",
                        "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + sessionStart + "\"}"),
                item(lot + "/receipts", receipt()),
                item(lot + "/draws", draw(client, session, "2")),
                item(lot + "/draws/{item:5}/administrations", administration("2")));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode items = response.json().get("items");
        assertThat(items).hasSize(7);
        for (int index = 0; index < 7; index++) {
            assertThat(items.get(index).get("index").asInt()).isEqualTo(index);
            assertThat(items.get(index).get("status").asInt()).isEqualTo(201);
            assertThat(items.get(index).get("location").asText()).startsWith("/api/practices/" + stock.practice);
        }
        String drawId = items.get(5).get("receipt").get("id").asText();
        assertThat(items.get(6).get("location").asText()).contains("/draws/" + drawId);
        long last = response.json().get("ledgerPosition").asLong();
        assertThat(response.json().get("firstPosition").asLong()).isPositive().isLessThan(last);
        assertThat(eventRows()).isGreaterThanOrEqualTo(before + 7);

        List<String> types = new ArrayList<>();
        timeline(stock.practice, client, stock.writer, last)
                .get("entries")
                .forEach(entry -> types.add(entry.get("eventType").asText()));
        assertThat(types).contains("ClientRegistered", "ConsentSigned", "DoseDrawn", "DoseAdministered");
        assertThat(stock.lot("safe-1", "LOT-B1", last).get("onHand").decimalValue())
                .isEqualByComparingTo("18");
    }

    @Test
    void anInvalidItemWritesNothingAndIsNamedWithItsErrors() {
        String first = unique("client");
        long events = eventRows();
        long keys = idempotencyRows();

        Http.Response response = batch(
                unique("batch"),
                item("/clients", Bodies.client(first, StockFixture.now())),
                item("/clients/" + first + "/consents", Bodies.consent(StockFixture.now())),
                item("/clients", Bodies.client(unique("client"), StockFixture.now())),
                item("/clients", "{\"clientId\":\"" + unique("client") + "\",\"dateOfBirth\":\"1985-12-10\"}"));

        assertProblem(response, 400, "BATCH_ITEM_FAILED");
        JsonNode problem = response.json();
        assertThat(problem.get("failedItem").asInt()).isEqualTo(3);
        assertThat(problem.get("item").get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("item").get("errors").findValuesAsText("field")).contains("legalName");
        assertThat(eventRows()).isEqualTo(events);
        assertThat(idempotencyRows()).isEqualTo(keys);
        assertThat(http.get("/api/practices/" + stock.practice + "/clients/" + first + "/timeline")
                        .key(stock.writer)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRuleViolationInTheMiddleRollsBackTheItemsBeforeIt() {
        String first = unique("client");
        long events = eventRows();

        Http.Response response = batch(
                unique("batch"),
                item("/clients", Bodies.client(first, StockFixture.now())),
                item("/clients/" + first + "/consents", Bodies.consent(StockFixture.now())),
                item("/clients", Bodies.client(first, StockFixture.now())),
                item("/clients", Bodies.client(unique("client"), StockFixture.now())));

        assertProblem(response, 409, "BATCH_ITEM_FAILED");
        assertThat(response.json().get("failedItem").asInt()).isEqualTo(2);
        assertThat(response.json().get("item").get("code").asText()).isEqualTo("CLIENT_ALREADY_EXISTS");
        assertThat(eventRows()).isEqualTo(events);
        // the first item's client was rolled back with the rest, so it can be registered now
        assertThat(stock.post("/clients", Bodies.client(first, StockFixture.now()))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aLotChangedByARolledBackBatchIsLoadedAsTheLedgerHasIt() {
        // stock lots stay in memory between commands: a draw that a failing batch rolled back must not
        // stay in the lot that the next command sees
        assertThat(stock.receive("safe-1", "LOT-RB", 2, "2030-01-31").status()).isEqualTo(201);
        assertThat(stock.draw("safe-1", "LOT-RB", "1", "rn-1").status()).isEqualTo(201);

        Http.Response response = batch(
                unique("batch"),
                item(stock.lotPath("safe-1", "LOT-RB") + "/draws", draw(stock.client, StockFixture.SESSION, "5")),
                item("/clients", Bodies.client(stock.client, StockFixture.now())));
        assertProblem(response, 409, "BATCH_ITEM_FAILED");

        Http.Response next = stock.draw("safe-1", "LOT-RB", "2", "rn-1");
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        long position = next.json().get("ledgerPosition").asLong();
        assertThat(stock.lot("safe-1", "LOT-RB", position).get("onHand").decimalValue())
                .isEqualByComparingTo("17");
        List<Long> sequence = jdbc.queryForList(
                "select sequence_number from domain_event_entry where aggregate_identifier = ("
                        + "select aggregate_identifier from domain_event_entry where global_index = ?)"
                        + " order by sequence_number",
                Long.class,
                position);
        assertThat(sequence).containsExactly(0L, 1L, 2L);
    }

    @Test
    void theSameKeyAndBatchReplaysTheAnswerAndAnotherBatchIsRefused() {
        String key = unique("batch");
        String[] items = {
            item("/clients", Bodies.client(unique("client"), "2026-11-20T15:00:00Z")),
            item("/clients", Bodies.client(unique("client"), "2026-11-20T15:00:00Z"))
        };
        Http.Response first = batch(key, items);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String secondEvent = first.json()
                .get("items")
                .get(1)
                .get("receipt")
                .get("events")
                .get(0)
                .get("eventId")
                .asText();
        assertThat(jdbc.queryForObject(
                        "select convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' from domain_event_entry"
                                + " where event_identifier = ?",
                        String.class,
                        secondEvent))
                .isEqualTo(key + "#1");
        long events = eventRows();

        Http.Response again = batch(key, items);

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventRows()).isEqualTo(events);

        Http.Response other = batch(key, items[0]);
        assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(eventRows()).isEqualTo(events);
    }

    @Test
    void anItemOfAnotherPracticeIsRefused() {
        String other = newPractice();
        long events = eventRows();

        Http.Response response = batch(
                unique("batch"),
                item("/clients", Bodies.client(unique("client"), StockFixture.now())),
                item("/api/practices/" + other + "/clients", Bodies.client(unique("client"), StockFixture.now())));

        assertProblem(response, 400, "BATCH_ITEM_FAILED");
        assertThat(response.json().get("failedItem").asInt()).isEqualTo(1);
        assertThat(response.json().get("item").get("code").asText()).isEqualTo("BATCH_ITEM_OUTSIDE_PRACTICE");
        assertThat(eventRows()).isEqualTo(events);
    }

    @Test
    void anAbsolutePathInsideThePracticeIsAccepted() {
        Http.Response response = batch(
                unique("batch"),
                item(
                        "/api/practices/" + stock.practice + "/clients",
                        Bodies.client(unique("client"), StockFixture.now())));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void tooManyItemsAreRefused() {
        String[] items = IntStream.range(0, 101)
                .mapToObj(i -> item("/clients", Bodies.client(unique("client"), StockFixture.now())))
                .toArray(String[]::new);
        long events = eventRows();

        Http.Response response = batch(unique("batch"), items);

        assertProblem(response, 413, "BATCH_TOO_LARGE");
        assertThat(response.json().get("maxItems").asInt()).isEqualTo(100);
        assertThat(eventRows()).isEqualTo(events);
    }

    @Test
    void anEmptyBatchIsRefused() {
        Http.Response response = http.post("/api/practices/" + stock.practice + "/batches")
                .key(stock.writer)
                .idempotencyKey(unique("batch"))
                .body("{\"items\":[]}")
                .send();

        assertProblem(response, 400, "VALIDATION_FAILED");
    }

    @Test
    void aWriterCannotSlipAnAdminOnlyWriteIntoABatch() {
        long events = eventRows();

        Http.Response response = batch(
                unique("batch"),
                item("/clients", Bodies.client(unique("client"), StockFixture.now())),
                item(
                        "/policies",
                        "{\"requireMedicalClearance\":false,\"doseIncreaseLimitPercent\":25,"
                                + "\"requireWitnessedDraws\":true}"));

        assertProblem(response, 403, "BATCH_ITEM_FAILED");
        assertThat(response.json().get("failedItem").asInt()).isEqualTo(1);
        assertThat(response.json().get("item").get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(eventRows()).isEqualTo(events);
    }

    @Test
    void aRegulatorMayNotSendABatch() {
        Http.Response response = http.post("/api/practices/" + stock.practice + "/batches")
                .key(issueKey("REGULATOR", stock.practice))
                .idempotencyKey(unique("batch"))
                .body("{\"items\":[" + item("/clients", Bodies.client(unique("client"), StockFixture.now())) + "]}")
                .send();

        assertProblem(response, 403, "FORBIDDEN");
    }

    private Http.Response batch(String key, String... items) {
        return http.post("/api/practices/" + stock.practice + "/batches")
                .key(stock.writer)
                .idempotencyKey(key)
                .body("{\"items\":[" + String.join(",", items) + "]}")
                .send();
    }

    private static String item(String path, String body) {
        return "{\"method\":\"POST\",\"path\":\"" + path + "\",\"body\":" + body + "}";
    }

    private long idempotencyRows() {
        return jdbc.queryForObject("select count(*) from idempotency_record", Long.class);
    }

    private static String receipt() {
        return """
                {"expiresOn":"2030-01-31","containers":2,"invoiceNumber":"INV-B1",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"}
                """.formatted(StockFixture.now());
    }

    private static String draw(String client, String session, String millilitres) {
        return """
                {"quantity":{"amount":"%s","unit":"ML"},"clientId":"%s","sessionId":"%s","drawnBy":"rn-1",
                 "occurredAt":"%s"}
                """.formatted(millilitres, client, session, StockFixture.now());
    }

    private static String administration(String millilitres) {
        return """
                {"quantity":{"amount":"%s","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"}
                """.formatted(millilitres, StockFixture.now());
    }
}
