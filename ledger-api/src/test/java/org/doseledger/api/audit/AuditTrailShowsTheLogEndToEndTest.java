package org.doseledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit trail shows each event's content as the event log holds it, checked against the event's
 * hash: a row edited in the read-model table, or an event edited in the log without its hash, is marked
 * and never passes as the record, and an export containing it stops instead of being issued.
 */
// edits the event log as a database superuser: a database of its own
@TestPropertySource(properties = "ledger.test.isolated-context=audit-trail-tampering")
class AuditTrailShowsTheLogEndToEndTest extends EndToEndTest {

    private StockFixture stock;
    private String officer;
    private long drawn;
    private long administered;

    @BeforeEach
    void aDrawAndItsAdministration() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "T1", 2, "2030-01-31"));
        JsonNode draw = StockFixture.created(stock.draw("safe-1", "T1", "1", "rn-1"));
        drawn = draw.get("ledgerPosition").asLong();
        administered = StockFixture.created(
                        stock.administer("safe-1", "T1", draw.get("id").asText(), "1"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= administered;
        });
    }

    @Test
    void anUntouchedTrailIsVerifiedAgainstTheLog() {
        JsonNode entries = page();

        assertThat(entries).isNotEmpty();
        assertThat(entries)
                .allSatisfy(entry -> assertThat(entry.get("verified").asBoolean())
                        .as(entry.toString())
                        .isTrue());
        assertThat(entry(entries, drawn).get("payload").get("drawnBy").asText()).isEqualTo("rn-1");
        assertThat(entry(entries, drawn).get("metadata").has("ledgerPosition"))
                .as("the position the store adds when reading is not part of the record")
                .isFalse();
    }

    @Test
    void aRowEditedInTheReadModelIsMarkedAndItsContentComesFromTheLog() {
        page();
        String forgedEventId = "not-" + drawn;
        assertThat(jdbc.update("update audit_trail set event_id = ? where ledger_position = ?", forgedEventId, drawn))
                .isEqualTo(1);

        JsonNode entry = entry(page(), drawn);

        assertThat(entry.get("verified").asBoolean()).isFalse();
        assertThat(entry.get("payload").get("drawnBy").asText()).isEqualTo("rn-1");
    }

    @Test
    void anEventEditedInTheLogWithoutItsHashIsMarkedAndStopsAnExport() {
        page();
        long administration = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where global_index <= ? and payload_type like ?",
                Long.class,
                administered,
                "%.DoseAdministeredEvent");
        jdbc.execute("set session_replication_role = replica;"
                + " update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " '\"administeredBy\":\"rn-1\"', '\"administeredBy\":\"rn-2\"'), 'UTF8')"
                + " where global_index = " + administration + ";"
                + " set session_replication_role = origin");

        JsonNode entry = entry(page(), administration);
        assertThat(entry.get("payload").get("administeredBy").asText())
                .as("what the log holds now")
                .isEqualTo("rn-2");
        assertThat(entry.get("verified").asBoolean()).isFalse();

        Http.Response export = http.post("/api/practices/" + stock.practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"audit-trail\",\"from\":\"2026-11-01\",\"to\":\""
                        + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"}")
                .send();
        assertThat(export.status()).as(export.toString()).isEqualTo(201);
        JsonNode job = export.json();
        assertThat(job.get("status").asText()).as(export.toString()).isEqualTo("FAILED");
        assertThat(job.get("failure").asText())
                .contains("ledger position " + administration)
                .contains("does not match the event log");
    }

    private JsonNode page() {
        Http.Response response = http.get(
                        "/api/practices/" + stock.practice + "/audit-trail?limit=1000&atLeastPosition=" + administered)
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("entries");
    }

    private static JsonNode entry(JsonNode entries, long position) {
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.get("ledgerPosition").asLong() == position)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry at " + position + " in " + entries));
    }
}
