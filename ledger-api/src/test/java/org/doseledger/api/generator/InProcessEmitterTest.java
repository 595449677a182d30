package org.doseledger.api.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class InProcessEmitterTest extends EndToEndTest {

    @Autowired
    ObjectMapper mapper;

    @Autowired
    ApplicationContext context;

    @Test
    void theInProcessModeWritesWhatTheRestModeWrites() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String overRest = unique("rest");
        String inProcess = unique("local");
        EmitResult rest = new RestEmitter(URI.create("http://localhost:" + port), adminKey, overRest, mapper)
                .emit(new PracticeHistory(settings(overRest, end)).facts());
        EmitResult local = new InProcessEmitter(context, inProcess, InProcessEmitter.DEFAULT_CHUNK)
                .emit(new PracticeHistory(settings(inProcess, end)).facts());
        System.out.println("REST mode: " + rest.summary() + "; in-process mode: " + local.summary());

        assertThat(local.facts()).isEqualTo(rest.facts());
        assertThat(local.events()).isEqualTo(rest.events());
        assertThat(eventTypes(inProcess + "-1"))
                .isNotEmpty()
                .containsEntry(
                        "org.doseledger.core.stock.api.DoseAdministeredEvent",
                        eventTypes(overRest + "-1").get("org.doseledger.core.stock.api.DoseAdministeredEvent"))
                .isEqualTo(eventTypes(overRest + "-1"));
        assertThat(balances(inProcess + "-1", local.lastPosition()))
                .isNotEmpty()
                .isEqualTo(balances(overRest + "-1", local.lastPosition()));
    }

    @Test
    void aChunkRefusedByTheLedgerStopsTheRunNamingTheFact() {
        String prefix = unique("bad");
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        InProcessEmitter emitter = new InProcessEmitter(context, prefix, InProcessEmitter.DEFAULT_CHUNK);
        List<PracticeFact> facts = new ArrayList<>(
                new PracticeHistory(settings(prefix, end)).facts().limit(5).toList());
        PracticeFact last = facts.remove(facts.size() - 1);
        facts.add(new PracticeFact(
                last.kind(),
                last.practiceId(),
                last.path(),
                Map.of(),
                last.practitionerId(),
                last.occurredAt(),
                null,
                null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> emitter.emit(facts.stream()))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining(last.kind())
                .hasMessageContaining("BATCH_ITEM_FAILED");
    }

    private static GeneratorSettings settings(String prefix, Instant end) {
        return new GeneratorSettings(11, prefix, 1, 4, 3, 1, 3, 0.5, 0.1, 0.2, 0.3, end);
    }

    /** The number of events of each type that name the practice. */
    private Map<String, Long> eventTypes(String practiceId) {
        Map<String, Long> types = new TreeMap<>();
        jdbc.query(
                """
                select payload_type, count(*) from domain_event_entry
                where convert_from(payload, 'UTF8') like '%"' || ? || '"%'
                group by payload_type""",
                row -> {
                    types.put(row.getString(1), row.getLong(2));
                },
                practiceId);
        return types;
    }

    /** Each lot's place, number and stock on hand. */
    private List<String> balances(String practiceId, long atLeastPosition) {
        Http.Response inventory = http.get(
                        "/api/practices/" + practiceId + "/inventory?atLeastPosition=" + atLeastPosition)
                .key(issueKey("PRACTICE_WRITER", practiceId))
                .send();
        assertThat(inventory.status()).as(inventory.toString()).isEqualTo(200);
        List<String> lots = new ArrayList<>();
        for (JsonNode lot : inventory.json().path("lots")) {
            lots.add(lot.path("locationId").asText() + " "
                    + lot.path("lotNumber").asText() + " "
                    + lot.path("onHand").decimalValue().toPlainString() + " open draws "
                    + lot.path("openDraws").asInt());
        }
        return lots;
    }
}
