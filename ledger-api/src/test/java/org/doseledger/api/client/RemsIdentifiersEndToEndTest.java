package org.doseledger.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Spravato REMS monitoring data names besides the session: the client's patient enrolment id
 * (sealed with their data key) and the certified healthcare setting of the location.
 */
class RemsIdentifiersEndToEndTest extends EndToEndTest {

    private StockFixture stock;

    @BeforeEach
    void aPracticeAndAClient() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
    }

    @Test
    void aClientsRemsEnrolmentIsSealedAndShownOpenedOnTheTimeline() {
        long position = created(
                        enrol("{\"enrolmentId\":\"SPR-PT-0042917\",\"occurredAt\":\"" + StockFixture.now() + "\"}"))
                .get("ledgerPosition")
                .asLong();

        String stored = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where global_index = ?",
                String.class,
                position);
        assertThat(stored).doesNotContain("SPR-PT-0042917").contains("\"ciphertext\"");
        JsonNode timeline = timeline(stock.practice, stock.client, stock.writer, position);
        assertThat(timeline.toString()).contains("ClientEnrolledInRems").contains("SPR-PT-0042917");
    }

    @Test
    void anEnrolmentIdThatIsNotAnIdIsRefusedAndWritesNothing() {
        long before = eventRows();

        Http.Response response =
                enrol("{\"enrolmentId\":\"SPR PT 42; drop\",\"occurredAt\":\"" + StockFixture.now() + "\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aLocationRecordsTheRemsCertificationOfItsHealthcareSetting() {
        created(stock.post(
                "/locations",
                "{\"locationId\":\"spravato-room\",\"name\":\"Spravato room cabinet\",\"kind\":\"LOCKED_CABINET\","
                        + "\"refrigerated\":false,\"remsHealthcareSettingId\":\"SPR-HCS-10442\"}"));

        JsonNode locations = stock.get("/locations").json();
        JsonNode room = null;
        for (JsonNode location : locations.isArray() ? locations : locations.get("items")) {
            if (location.get("locationId").asText().equals("spravato-room")) {
                room = location;
            }
        }
        assertThat(room).isNotNull();
        assertThat(room.get("remsHealthcareSettingId").asText()).isEqualTo("SPR-HCS-10442");
    }

    private Http.Response enrol(String body) {
        return stock.post("/clients/" + stock.client + "/rems-enrolment", body);
    }
}
