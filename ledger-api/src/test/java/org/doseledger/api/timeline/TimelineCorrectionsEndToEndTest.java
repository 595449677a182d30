package org.doseledger.api.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.Test;

class TimelineCorrectionsEndToEndTest extends EndToEndTest {

    @Test
    void aCorrectionStandsBesideTheEntryItCorrects() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        StockFixture stock = new StockFixture(this, http, practice, writer, client);
        StockFixture.created(stock.receive("safe-1", "A", 1, "2027-06-30"));
        JsonNode draw = StockFixture.created(stock.draw("safe-1", "A", "2.5", "rn-1"));
        String drawEvent = draw.get("events").get(0).get("eventId").asText();
        JsonNode correction = StockFixture.created(stock.post(
                stock.lotPath("safe-1", "A") + "/corrections", """
                {"correctedEventId":"%s","correctedQuantity":{"amount":"2","unit":"ML"},
                 "reason":"syringe read wrong","correctedBy":"rn-1","approvedBy":"md-1","occurredAt":"%s"}
                """.formatted(drawEvent, StockFixture.now())));

        JsonNode timeline = timeline(
                practice, client, writer, correction.get("ledgerPosition").asLong());

        List<String> types = StreamSupport.stream(timeline.get("entries").spliterator(), false)
                .map(entry -> entry.get("eventType").asText())
                .toList();
        assertThat(types).doesNotContain("EntryCorrected");
        assertThat(timeline.get("total").asLong()).isEqualTo(types.size());
        JsonNode drawn = StreamSupport.stream(timeline.get("entries").spliterator(), false)
                .filter(entry -> entry.get("eventId").asText().equals(drawEvent))
                .findFirst()
                .orElseThrow();
        assertThat(drawn.get("corrections")).hasSize(1);
        JsonNode beside = drawn.get("corrections").get(0);
        assertThat(beside.get("eventType").asText()).isEqualTo("EntryCorrected");
        assertThat(beside.get("ledgerPosition").asLong())
                .isEqualTo(correction.get("ledgerPosition").asLong());
        assertThat(beside.get("details").get("correctedQuantity").get("amount").decimalValue())
                .isEqualByComparingTo("2");
        assertThat(beside.get("details").get("reason").asText()).isEqualTo("syringe read wrong");
    }
}
