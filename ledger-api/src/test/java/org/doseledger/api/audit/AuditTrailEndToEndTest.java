package org.doseledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailEndToEndTest extends EndToEndTest {

    String practice;
    String writer;
    String officer;
    String client;
    StockFixture stock;
    String drawId;
    long last;

    @BeforeEach
    void aPracticeWithADrawAndItsWaste() {
        practice = newPractice();
        writer = issueKey("PRACTICE_WRITER", practice);
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        client = newClient(practice, writer);
        stock = new StockFixture(this, http, practice, writer, client);
        StockFixture.created(stock.receive("safe-1", "R1", 2, "2027-06-30"));
        drawId = StockFixture.created(stock.draw("safe-1", "R1", "2.5", "rn-1"))
                .get("id")
                .asText();
        StockFixture.created(stock.administer("safe-1", "R1", drawId, "2"));
        last = StockFixture.created(stock.waste("safe-1", "R1", drawId, "0.5", "rn-1", "rn-2"))
                .get("ledgerPosition")
                .asLong();
    }

    @Test
    void everyEventOfThePracticeIsThereInLedgerOrderWithPayloadAndMetadata() {
        JsonNode page = read("limit=1000&atLeastPosition=" + last);

        List<Long> positions = positions(page);
        // reading the trail is itself recorded (a ClientDataAccessed event after the page): compare up to it
        List<Long> stored = jdbc.queryForList("""
                select global_index from domain_event_entry
                where (convert_from(payload, 'UTF8')::jsonb ->> 'practiceId' = ?
                       or convert_from(payload, 'UTF8')::jsonb -> 'lot' ->> 'practiceId' = ?)
                  and global_index <= ?
                order by global_index
                """, Long.class, practice, practice, positions.get(positions.size() - 1));
        assertThat(positions).isEqualTo(stored);
        assertThat(page.has("nextAfterPosition")).isFalse();

        JsonNode drawn = entries(page).stream()
                .filter(entry -> entry.get("eventType").asText().equals("DoseDrawn"))
                .findFirst()
                .orElseThrow();
        assertThat(drawn.get("clientId").asText()).isEqualTo(client);
        assertThat(drawn.get("locationId").asText()).isEqualTo("safe-1");
        assertThat(drawn.get("substance").asText()).isEqualTo("KETAMINE");
        assertThat(drawn.get("practitioners").toString()).contains("rn-1");
        assertThat(drawn.get("aggregateType").asText()).isEqualTo("StockLot");
        assertThat(drawn.get("payload").get("drawId").asText()).isEqualTo(drawId);
        assertThat(drawn.get("metadata").get("credentialId").asText())
                .isEqualTo(drawn.get("credentialId").asText());
        assertThat(drawn.get("idempotencyKey").asText()).isNotBlank();
        assertThat(drawn.get("requestId").asText()).isNotBlank();
        assertThat(drawn.get("hash").asText())
                .isEqualTo(jdbc.queryForObject(
                        "select encode(event_hash, 'hex') from domain_event_entry where global_index = ?",
                        String.class,
                        drawn.get("ledgerPosition").asLong()));
        assertThat(drawn.get("previousHash").asText()).hasSize(64);
    }

    @Test
    void filtersNarrowThePage() {
        read("atLeastPosition=" + last);

        assertThat(types(read("eventType=DoseWasted"))).containsExactly("DoseWasted");
        assertThat(types(read("eventType=DoseDrawn&eventType=DoseWasted"))).containsExactly("DoseDrawn", "DoseWasted");
        assertThat(types(read("practitioner=rn-2"))).contains("DoseWasted").doesNotContain("DoseDrawn");
        assertThat(types(read("practitioner=rn-1&eventType=DoseDrawn"))).containsExactly("DoseDrawn");
        assertThat(types(read("practitioner=rn-1&client=" + client))).contains("DoseDrawn", "DoseWasted");
        assertThat(types(read("practitioner=nobody"))).isEmpty();
        assertThat(types(read("client=" + client))).contains("ClientRegistered", "DoseDrawn", "DoseWasted");
        assertThat(types(read("location=safe-2"))).containsExactly("StorageLocationRegistered");
        assertThat(types(read("substance=KETAMINE")))
                .contains("ProductRegistered", "StockReceived", "DoseDrawn", "DoseAdministered", "DoseWasted");
        assertThat(types(read("substance=ESKETAMINE"))).isEmpty();

        JsonNode wasted = entries(read("eventType=DoseWasted")).get(0);
        assertThat(types(read("requestId=" + wasted.get("requestId").asText())))
                .containsExactly("DoseWasted", "DrawAccountedFor");
        assertThat(types(read("actor=" + wasted.get("credentialId").asText()))).contains("DoseDrawn", "DoseWasted");

        String recordedAt = wasted.get("recordedAt").asText();
        // the client-filtered read above is on the record too, as a ClientDataAccessed event after the waste
        assertThat(types(read("recordedFrom=" + recordedAt)))
                .as("the waste and the draw it accounted for, recorded together")
                .filteredOn(type -> !type.equals("ClientDataAccessed"))
                .containsExactly("DoseWasted", "DrawAccountedFor");
        assertThat(types(read("recordedTo=" + recordedAt))).doesNotContain("DoseWasted");
        assertThat(types(read("occurredFrom=2000-01-01T00:00:00Z&occurredTo=2000-01-02T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void theCursorWalksEveryEventOnceAndPagesStayTheSameWhenEventsArrive() {
        read("atLeastPosition=" + last);
        List<Long> all = positions(read("limit=1000"));

        List<Long> walked = new ArrayList<>();
        JsonNode first = read("limit=3");
        JsonNode page = first;
        while (true) {
            walked.addAll(positions(page));
            if (!page.has("nextAfterPosition")) {
                break;
            }
            page = read("limit=3&afterPosition=" + page.get("nextAfterPosition").asLong());
        }
        // reading the trail is itself recorded (the access log), so the walk may also find accesses made
        // since `all` was read: after every event of `all`, in order, and only later ones
        assertThat(walked.subList(0, Math.min(all.size(), walked.size()))).isEqualTo(all);
        assertThat(walked.subList(all.size(), walked.size())).allMatch(position -> position > all.get(all.size() - 1));

        long more = StockFixture.created(stock.draw("safe-1", "R1", "1", "rn-1"))
                .get("ledgerPosition")
                .asLong();
        read("atLeastPosition=" + more);
        assertThat(read("limit=3")).isEqualTo(first);
        assertThat(positions(read("limit=1000&afterPosition=" + all.get(all.size() - 1))))
                .contains(more);
    }

    @Test
    void csvHoldsEveryMatchingEventOneRowEach() {
        read("atLeastPosition=" + last);
        Http.Response response = http.get("/api/practices/" + practice + "/audit-trail?eventType=DoseDrawn")
                .key(officer)
                .header("Accept", "text/csv")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        String[] lines = response.text().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("ledgerPosition,eventId,eventType,occurredAt,recordedAt,");
        assertThat(lines[1]).contains(",DoseDrawn,").contains("\"{\"\"balanceAfter\"\":");
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        Http.Response response = http.get("/api/practices/" + practice + "/audit-trail?occurredFrom=yesterday")
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("occurredFrom");

        for (String bad : List.of("substance=COCAINE", "limit=0", "limit=1001", "afterPosition=-1", "client=%27%3B")) {
            response = http.get("/api/practices/" + practice + "/audit-trail?" + bad)
                    .key(officer)
                    .send();
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void onlyComplianceOfficersAndRegulatorsOfThePracticeReadIt() {
        assertThat(http.get("/api/practices/" + practice + "/audit-trail")
                        .key(writer)
                        .send()
                        .status())
                .isEqualTo(403);
        String otherOfficer = issueKey("COMPLIANCE_OFFICER", newPractice());
        assertThat(http.get("/api/practices/" + practice + "/audit-trail")
                        .key(otherOfficer)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/practices/" + practice + "/audit-trail")
                        .key(issueKey("REGULATOR", practice))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    private JsonNode read(String query) {
        Http.Response response = http.get("/api/practices/" + practice + "/audit-trail?" + query)
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> entries(JsonNode page) {
        return StreamSupport.stream(page.get("entries").spliterator(), false).toList();
    }

    private static List<Long> positions(JsonNode page) {
        return entries(page).stream()
                .map(entry -> entry.get("ledgerPosition").asLong())
                .toList();
    }

    private static List<String> types(JsonNode page) {
        return entries(page).stream()
                .map(entry -> entry.get("eventType").asText())
                .toList();
    }
}
