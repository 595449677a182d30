package org.doseledger.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InventoryEndToEndTest extends EndToEndTest {

    String practice;
    String officer;
    StockFixture stock;
    String countId;
    long last;

    /**
     * safe-1 lot A: 2 vials (20 mL), 2.5 mL drawn and administered, 1 mL drawn and still open, then
     * counted at 16.1 mL against 16.5 (a 0.4 mL discrepancy). safe-2 lot B: 1 vial, all of it returned.
     */
    @BeforeEach
    void twoSafes() {
        practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "A", 2, "2027-06-30"));
        String closed = StockFixture.created(stock.draw("safe-1", "A", "2.5", "rn-1"))
                .get("id")
                .asText();
        StockFixture.created(stock.administer("safe-1", "A", closed, "2.5"));
        StockFixture.created(stock.draw("safe-1", "A", "1", "rn-1"));
        countId = StockFixture.created(
                        stock.post(stock.lotPath("safe-1", "A") + "/counts", """
                {"kind":"SHIFT_CHANGE","timing":"CLOSE_OF_BUSINESS",
                 "counted":{"amount":"16.1","unit":"ML"},"exact":true,"countedBy":"rn-1","witnessedBy":"rn-2",
                 "occurredAt":"%s"}
                """.formatted(StockFixture.now())))
                .get("id")
                .asText();
        StockFixture.created(stock.receive("safe-2", "B", 1, "2027-03-31"));
        last = StockFixture.created(
                        stock.post(stock.lotPath("safe-2", "B") + "/returns", """
                        {"quantity":{"amount":"10","unit":"ML"},"returnedTo":{"name":"Henry Schein",
                          "deaNumber":"AB1234563","address":{"line1":"135 Duryea Rd","city":"Melville",
                          "state":"NY","postalCode":"11747"}},
                         "reason":"recalled lot","returnedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                        """.formatted(StockFixture.now())))
                .get("ledgerPosition")
                .asLong();
    }

    @Test
    void eachLotWithItsOpenDrawsLastCountAndDiscrepancyAndTotalsPerSubstance() {
        JsonNode inventory = read("atLeastPosition=" + last);

        assertThat(inventory.get("lots")).as("the empty lot B is left out").hasSize(1);
        JsonNode lot = inventory.get("lots").get(0);
        assertThat(lot.get("locationId").asText()).isEqualTo("safe-1");
        assertThat(lot.get("lotNumber").asText()).isEqualTo("A");
        assertThat(lot.get("productName").asText()).isEqualTo("Ketamine HCl 50 mg/mL");
        assertThat(lot.get("onHand").decimalValue()).isEqualByComparingTo("16.5");
        assertThat(lot.get("onHandMilligrams").decimalValue()).isEqualByComparingTo("825");
        assertThat(lot.get("openDraws").asInt()).isEqualTo(1);
        assertThat(lot.get("openDrawn").decimalValue()).isEqualByComparingTo("1");
        assertThat(lot.get("openDrawnMilligrams").decimalValue()).isEqualByComparingTo("50");
        assertThat(lot.get("openDiscrepancies").asInt()).isEqualTo(1);
        JsonNode count = lot.get("lastCount");
        assertThat(count.get("countId").asText()).isEqualTo(countId);
        assertThat(count.get("counted").decimalValue()).isEqualByComparingTo("16.1");
        assertThat(count.get("discrepancy").asText()).isEqualTo("OPEN");
        assertThat(count.get("difference").decimalValue()).isEqualByComparingTo("-0.4");

        JsonNode total = inventory.get("totals").get(0);
        assertThat(total.get("substance").asText()).isEqualTo("KETAMINE");
        assertThat(total.get("onHandMilligrams").decimalValue()).isEqualByComparingTo("825");
        assertThat(total.get("openDrawnMilligrams").decimalValue()).isEqualByComparingTo("50");
        assertThat(total.get("lots").asInt()).isEqualTo(1);
    }

    @Test
    void filtersAndEmptyLots() {
        read("atLeastPosition=" + last);

        JsonNode all = read("includeEmpty=true");
        assertThat(all.get("lots")).hasSize(2);
        JsonNode empty = all.get("lots").get(1);
        assertThat(empty.get("lotNumber").asText()).isEqualTo("B");
        assertThat(empty.get("onHand").decimalValue()).isEqualByComparingTo("0");
        assertThat(empty.has("lastCount")).isFalse();

        assertThat(read("includeEmpty=true&location=safe-2").get("lots")).hasSize(1);
        assertThat(read("includeEmpty=true&ndc=" + StockFixture.NDC).get("lots"))
                .hasSize(2);
        assertThat(read("substance=ESKETAMINE").get("lots")).isEmpty();
        assertThat(read("substance=ESKETAMINE").get("totals")).isEmpty();
    }

    @Test
    void csvHasOneRowPerLot() {
        read("atLeastPosition=" + last);
        Http.Response response = http.get("/api/practices/" + practice + "/inventory?includeEmpty=true")
                .key(officer)
                .header("Accept", "text/csv")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String[] lines = response.text().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("locationId,ndc,productName,lotNumber,substance,unit,");
        assertThat(lines[1])
                .startsWith("safe-1," + StockFixture.NDC
                        + ",Ketamine HCl 50 mg/mL,A,KETAMINE,ML,50,2027-06-30,16.5,825,1,1,50,1," + countId + ",16.1,")
                .endsWith(",OPEN,-0.4");
        assertThat(lines[2])
                .startsWith("safe-2," + StockFixture.NDC
                        + ",Ketamine HCl 50 mg/mL,B,KETAMINE,ML,50,2027-03-31,0,0,0,0,0,0,,,,,");
    }

    @Test
    void badFiltersAreRefused() {
        for (String bad : new String[] {"ndc=42023", "substance=COCAINE", "includeEmpty=maybe", "location=%20x"}) {
            Http.Response response = http.get("/api/practices/" + practice + "/inventory?" + bad)
                    .key(officer)
                    .send();
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
    }

    private JsonNode read(String query) {
        Http.Response response = http.get("/api/practices/" + practice + "/inventory?" + query)
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
