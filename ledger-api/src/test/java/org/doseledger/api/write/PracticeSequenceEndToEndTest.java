package org.doseledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.Test;

/**
 * A practice's events are numbered 1, 2, 3... in ledger order without a gap: writers racing on one practice
 * each take the next number, and a write that rolls back gives its numbers back.
 */
class PracticeSequenceEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void racingWritersAndARolledBackBatchLeaveTheSequenceWithoutAGap() throws Exception {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Http.Response>> writes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String lot = "LOT-S" + i;
                writes.add(pool.submit(() -> stock.receive("safe-1", lot, 1, "2030-01-31")));
            }
            for (Future<Http.Response> write : writes) {
                assertThat(write.get().status()).as(write.get().toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        // the first two items' events take numbers, then the third fails and the batch rolls back
        String twice = unique("client");
        Http.Response refused = http.post("/api/practices/" + practice + "/batches")
                .key(writer)
                .idempotencyKey(unique("batch"))
                .body("{\"items\":[" + item("/clients", Bodies.client(twice, StockFixture.now())) + ","
                        + item("/clients/" + twice + "/consents", Bodies.consent(StockFixture.now())) + ","
                        + item("/clients", Bodies.client(twice, StockFixture.now())) + "]}")
                .send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(stock.receive("safe-1", "LOT-AFTER", 1, "2030-01-31").status())
                .isEqualTo(201);

        List<Map<String, Object>> numbered = jdbc.queryForList("""
                select p.practice_sequence, e.global_index, convert_from(e.meta_data, 'UTF8') as meta_data
                from practice_event p join domain_event_entry e on e.event_identifier = p.event_identifier
                where p.practice_id = ? order by p.practice_sequence
                """, practice);
        long previousPosition = 0;
        for (int i = 0; i < numbered.size(); i++) {
            Map<String, Object> row = numbered.get(i);
            assertThat(((Number) row.get("practice_sequence")).longValue()).isEqualTo(i + 1);
            long position = ((Number) row.get("global_index")).longValue();
            assertThat(position).as("ledger order").isGreaterThan(previousPosition);
            previousPosition = position;
            JsonNode metaData = JSON.readTree((String) row.get("meta_data"));
            assertThat(metaData.get("practiceId").asText()).isEqualTo(practice);
            assertThat(metaData.get("practiceSequence").asText()).isEqualTo(Integer.toString(i + 1));
        }
        // every event of the practice is numbered, and nothing that rolled back is
        assertThat(jdbc.queryForObject(
                        "select count(*) from practice_event where practice_id = ?", Long.class, practice))
                .isEqualTo((long) numbered.size());
        assertThat(jdbc.queryForObject(
                        "select last_sequence from practice_sequence where practice_id = ?", Long.class, practice))
                .isEqualTo((long) numbered.size());
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb"
                                + " ->> 'practiceId' = ?",
                        Long.class,
                        practice))
                .isEqualTo((long) numbered.size());
    }

    private static String item(String path, String body) {
        return "{\"method\":\"POST\",\"path\":\"" + path + "\",\"body\":" + body + "}";
    }
}
