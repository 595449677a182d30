package org.doseledger.api.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A location at another address is held under that address's DEA registration, and stock does not move
 * between registrations by transfer (21 CFR 1301.12, 1304.22(c)); refusals write nothing.
 */
class LocationRegistrationEndToEndTest extends EndToEndTest {

    private static final String ANNEX_ADDRESS =
            "{\"line1\":\"40 Oak Ave\",\"city\":\"Chatham\",\"state\":\"IL\",\"postalCode\":\"62629\"}";

    private StockFixture stock;

    @BeforeEach
    void aPracticeWithStock() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        created(stock.receive("safe-1", "AX", 1, "2027-06-30"));
    }

    @Test
    void aLocationAtAnotherAddressIsRegisteredWithThatAddresssRegistration() {
        created(registerAnnex("\"deaNumber\":\"BA6125341\""));

        JsonNode locations = stock.get("/locations").json();
        JsonNode annex = null;
        for (JsonNode location : locations.isArray() ? locations : locations.get("items")) {
            if (location.get("locationId").asText().equals("annex")) {
                annex = location;
            }
        }
        assertThat(annex).isNotNull();
        assertThat(annex.get("deaNumber").asText()).isEqualTo("BA6125341");
        assertThat(annex.get("address").get("city").asText()).isEqualTo("Chatham");
    }

    @Test
    void aLocationAtAnotherAddressWithoutItsOwnRegistrationIsRefusedAndWritesNothing() {
        long before = eventRows();

        Http.Response response = registerAnnex(null);

        assertProblem(response, 409, "LOCATION_REGISTRATION_MISMATCH");
        assertThat(response.json().get("detail").asText()).contains("21 CFR 1301.12");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void stockDoesNotMoveByTransferToALocationUnderAnotherRegistration() {
        created(registerAnnex("\"deaNumber\":\"BA6125341\""));
        long before = eventRows();

        Http.Response transfer =
                stock.post(stock.lotPath("safe-1", "AX") + "/transfers", """
                {"toLocationId":"annex","quantity":{"amount":"4","unit":"ML"},"transferredBy":"rn-1",
                 "witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(StockFixture.now()));

        assertProblem(transfer, 409, "TRANSFER_BETWEEN_REGISTRANTS");
        assertThat(transfer.json().get("detail").asText())
                .contains("held under DEA registration BA6125341, here under the practice's DEA registration");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void anOptionalFlagSentAsNullIsItsDefaultAsAGeneratedClientSendsIt() {
        Http.Response response = stock.post(
                "/locations",
                "{\"locationId\":\"fridge\",\"name\":\"Medication fridge\",\"kind\":\"LOCKED_CABINET\","
                        + "\"refrigerated\":null,\"occurredAt\":\"" + StockFixture.inUseSince() + "\"}");

        created(response);
        JsonNode locations = stock.get("/locations").json();
        JsonNode fridge = null;
        for (JsonNode location : locations.isArray() ? locations : locations.get("items")) {
            if (location.get("locationId").asText().equals("fridge")) {
                fridge = location;
            }
        }
        assertThat(fridge).isNotNull();
        assertThat(fridge.get("refrigerated").asBoolean()).isFalse();
    }

    private Http.Response registerAnnex(String registration) {
        return stock.post(
                "/locations",
                "{\"locationId\":\"annex\",\"name\":\"Chatham annex safe\",\"kind\":\"SAFE\",\"refrigerated\":false,"
                        + "\"occurredAt\":\"" + StockFixture.inUseSince() + "\",\"address\":" + ANNEX_ADDRESS
                        + (registration == null ? "" : "," + registration) + "}");
    }
}
