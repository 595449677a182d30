package org.doseledger.api.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.api.integrity.LedgerVerification;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A context of its own with {@code ledger.demo=true}: the demo loaded into its empty ledger at start. */
@TestPropertySource(properties = "ledger.demo=true")
class DemoLoaderTest extends EndToEndTest {

    /** Every event's payload as JSON, with the simple name of its type. */
    private static final String PAYLOADS = "(select regexp_replace(payload_type, '.*[.]', '') as type,"
            + " convert_from(payload, 'UTF8')::jsonb as p from domain_event_entry) e";

    @Autowired
    DemoLoader demo;

    @Autowired
    LedgerVerification verification;

    @Autowired
    LedgerProperties properties;

    @Test
    void theDemoPracticeIsLoadedOnceWithStockAndTimelinesThatVerify() {
        long position = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        String key = issueKey("PRACTICE_WRITER", "demo-1");

        Http.Response inventory = http.get("/api/practices/demo-1/inventory?atLeastPosition=" + position)
                .key(key)
                .send();
        assertThat(inventory.status()).as(inventory.toString()).isEqualTo(200);
        assertThat(inventory.toString()).contains("42023-0113-10");
        JsonNode timeline = timeline("demo-1", "c-1", key, position);
        assertThat(timeline.toString()).contains("DoseAdministered", "ConsentSigned");
        assertThat(verification.verifyAndRecord().ok()).isTrue();

        long rows = eventRows();
        assertThat(demo.load()).isNull();
        assertThat(eventRows()).isEqualTo(rows);
    }

    @Test
    void theBannersKeyOpensWhatItSuggestsAndTheDemoLooksLikeARealPractice() throws Exception {
        long position = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        String officer = Files.readString(properties.dataDir().resolve("demo-compliance-officer-key"))
                .trim();

        for (String path : List.of("/inventory", "/exceptions", "/audit-trail")) {
            Http.Response read = http.get("/api/practices/demo-1" + path + "?atLeastPosition=" + position)
                    .key(officer)
                    .send();
            assertThat(read.status()).as(path + ": " + read).isEqualTo(200);
        }
        assertThat(timeline("demo-1", "c-1", officer, position).toString()).contains("DoseAdministered");

        // doses in opening hours of the practice's own day, not 02:00 to 04:00
        List<String> draws = jdbc.queryForList(
                "select occurred_at::text from audit_trail where practice_id = 'demo-1' and event_type = 'DoseDrawn'",
                String.class);
        assertThat(draws).isNotEmpty();
        for (Instant drawn : jdbc
                .queryForList(
                        "select occurred_at from audit_trail where practice_id = 'demo-1' and event_type = 'DoseDrawn'",
                        java.sql.Timestamp.class)
                .stream()
                .map(java.sql.Timestamp::toInstant)
                .toList()) {
            int hour = drawn.atZone(ZoneId.of("America/Chicago")).getHour();
            assertThat(hour).as("local hour of a draw at " + drawn).isBetween(7, 19);
        }
        // each practitioner has a licence of their own; the supplier is another registrant
        List<String> licences = jdbc.queryForList(
                "select licence_number from practitioner_registry where practice_id = 'demo-1'"
                        + " and licence_number is not null",
                String.class);
        assertThat(licences).hasSizeGreaterThan(1).doesNotHaveDuplicates();
        String practiceDea = jdbc.queryForObject(
                "select dea_number from practice_registry where practice_id = 'demo-1'", String.class);
        assertThat(jdbc.queryForList(
                        "select distinct p -> 'supplier' ->> 'deaNumber' from " + PAYLOADS
                                + " where type = 'StockReceivedEvent' and p -> 'lot' ->> 'practiceId' = 'demo-1'",
                        String.class))
                .isNotEmpty()
                .doesNotContain(practiceDea);
        // an initial inventory, and the transcribed history as one import rather than a queue of late entries
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + PAYLOADS + " where type = 'StockCountedEvent'"
                                + " and p -> 'lot' ->> 'practiceId' = 'demo-1' and p ->> 'kind' = 'INITIAL'",
                        Long.class))
                .isEqualTo(1L);
        JsonNode queue = http.get("/api/practices/demo-1/exceptions?limit=500&atLeastPosition=" + position)
                .key(officer)
                .send()
                .json();
        long lateEntries = 0;
        long imports = 0;
        for (JsonNode exception : queue.get("exceptions")) {
            lateEntries += exception.get("kind").asText().equals("LATE_ENTRY") ? 1 : 0;
            imports += exception.get("kind").asText().equals("HISTORY_IMPORTED") ? 1 : 0;
        }
        long imported = jdbc.queryForObject(
                "select count(*) from " + PAYLOADS + " where p -> 'lateEntry' ->> 'importId' = 'paper-register'"
                        + " and coalesce(p ->> 'practiceId', p -> 'lot' ->> 'practiceId') = 'demo-1'",
                Long.class);
        assertThat(imports).isEqualTo(1);
        assertThat(imported).isGreaterThan(100);
        assertThat(lateEntries * 20)
                .as("%d late entries in the queue are at most 5%% of the %d imported entries", lateEntries, imported)
                .isLessThanOrEqualTo(imported);
    }
}
