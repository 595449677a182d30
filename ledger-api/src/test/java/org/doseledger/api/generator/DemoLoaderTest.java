package org.doseledger.api.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.doseledger.api.integrity.LedgerVerification;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A context of its own with {@code ledger.demo=true}: the demo loaded into its empty ledger at start. */
@TestPropertySource(properties = "ledger.demo=true")
class DemoLoaderTest extends EndToEndTest {

    @Autowired
    DemoLoader demo;

    @Autowired
    LedgerVerification verification;

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
}
