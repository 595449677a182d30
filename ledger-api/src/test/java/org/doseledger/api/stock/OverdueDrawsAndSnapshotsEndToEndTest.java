package org.doseledger.api.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OverdueDrawsAndSnapshotsEndToEndTest extends EndToEndTest {

    @Autowired
    OverdueDrawSweeper sweeper;

    private StockFixture stock;

    @BeforeEach
    void practiceWithStock() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
    }

    @Test
    void aDrawLeftOpenPastTheLimitBecomesAComplianceExceptionOnce() {
        created(stock.receive("safe-1", "OD", 1, "2027-06-30"));
        JsonNode draw = created(stock.draw("safe-1", "OD", "1", "rn-1"));
        String drawId = draw.get("id").asText();
        stock.lot("safe-1", "OD", draw.get("ledgerPosition").asLong());

        sweeper.sweep(Instant.now().plus(Duration.ofMinutes(30)));
        sweeper.sweep(Instant.now().plus(Duration.ofMinutes(61)));
        sweeper.sweep(Instant.now().plus(Duration.ofMinutes(90)));

        long flags = jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'org.doseledger.core.stock.api.DrawOverdueEvent'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'drawId' = ?
                """, Long.class, drawId);
        assertThat(flags).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> movementKinds("OD").contains("DRAW_OVERDUE"));
    }

    @Test
    void aDrawAccountedForInTimeIsNeverFlagged() {
        created(stock.receive("safe-1", "OK", 1, "2027-06-30"));
        String drawId =
                created(stock.draw("safe-1", "OK", "1", "rn-1")).get("id").asText();
        JsonNode last = created(stock.administer("safe-1", "OK", drawId, "1"));
        stock.lot("safe-1", "OK", last.get("ledgerPosition").asLong());

        sweeper.sweep(Instant.now().plus(Duration.ofHours(3)));

        assertThat(movementKinds("OK")).doesNotContain("DRAW_OVERDUE");
    }

    @Test
    void aLongLotIsLoadedFromItsSnapshotWithTheSameBalance() {
        // the tests set the snapshot threshold to 10 events
        created(stock.receive("safe-1", "SN", 3, "2027-06-30"));
        JsonNode last = null;
        for (int i = 0; i < 12; i++) {
            String drawId =
                    created(stock.draw("safe-1", "SN", "1", "rn-1")).get("id").asText();
            last = created(stock.administer("safe-1", "SN", drawId, "1"));
        }
        String stream = "lot:" + stock.practice + ":safe-1:" + StockFixture.NDC + ":SN";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                                Long.class,
                                stream)
                        > 0);

        JsonNode afterSnapshot = created(stock.draw("safe-1", "SN", "17.5", "rn-1"));
        assertThat(stock.lot("safe-1", "SN", afterSnapshot.get("ledgerPosition").asLong())
                        .get("onHand")
                        .decimalValue())
                .isEqualByComparingTo("0.5");
        assertThat(stock.draw("safe-1", "SN", "0.6", "rn-1").json().get("code").asText())
                .isEqualTo("INSUFFICIENT_STOCK");
        assertThat(last).isNotNull();
    }

    private List<String> movementKinds(String lot) {
        List<String> kinds = new ArrayList<>();
        http.get("/api/practices/" + stock.practice + stock.lotPath("safe-1", lot) + "/movements")
                .key(stock.writer)
                .send()
                .json()
                .forEach(movement -> kinds.add(movement.get("movement").asText()));
        return kinds;
    }
}
