package org.doseledger.api.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.Test;

/**
 * One practice through a realistic month of ketamine stock, checking after every step that the ledger's
 * balance equals the arithmetic done by hand, in mL and in mg (50 mg/mL).
 */
class AMonthOfStockEndToEndTest extends EndToEndTest {

    private static final BigDecimal MG_PER_ML = new BigDecimal("50");

    private StockFixture stock;

    @Test
    void everyMilligramIsAccountedForThroughAMonth() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));

        // week 1: five 10 mL vials arrive in the main safe
        JsonNode receipt = created(stock.receive("safe-1", "K2611", 5, "2027-09-30"));
        assertBalance("safe-1", "K2611", "50", receipt);

        // three dosing sessions: draw, administer, waste the rest before a witness
        String[][] sessions = {{"1.6", "1.5", "0.1"}, {"2", "1.8", "0.2"}, {"1.75", "1.75", null}};
        BigDecimal expected = new BigDecimal("50");
        for (String[] session : sessions) {
            JsonNode draw = created(stock.draw("safe-1", "K2611", session[0], "rn-1"));
            expected = expected.subtract(new BigDecimal(session[0]));
            assertBalance("safe-1", "K2611", expected.toPlainString(), draw);
            String drawId = draw.get("id").asText();
            JsonNode last = created(stock.administer("safe-1", "K2611", drawId, session[1]));
            if (session[2] != null) {
                last = created(stock.waste("safe-1", "K2611", drawId, session[2], "rn-1", "rn-2"));
            }
            assertBalance("safe-1", "K2611", expected.toPlainString(), last);
            assertDrawAccountedFor("K2611", drawId, last);
        }
        assertThat(expected).isEqualByComparingTo("44.65");

        // week 2: a take-home troche-free dispense of 2 mL on the prescriber's order
        JsonNode dispensed = created(stock.post(stock.lotPath("safe-1", "K2611") + "/dispensations", """
                {"quantity":{"amount":"2","unit":"ML"},"route":"SUBLINGUAL","clientId":"%s","prescribedBy":"md-1","dispensedBy":"md-1",
                 "daysSupply":7,%s,"occurredAt":"%s"}
                """.formatted(
                        stock.client, StockFixture.prescription("RX-1"), StockFixture.now())));
        assertBalance("safe-1", "K2611", "42.65", dispensed);

        // week 2: one vial's worth moves to the second safe, witnessed
        JsonNode transfer =
                created(stock.post(stock.lotPath("safe-1", "K2611") + "/transfers", """
                {"toLocationId":"safe-2","quantity":{"amount":"10","unit":"ML"},"transferredBy":"rn-1",
                 "witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        assertBalance("safe-1", "K2611", "32.65", transfer);
        assertBalance("safe-2", "K2611", "10", transfer);

        // week 3: the shift-change count of safe 1 finds 0.4 mL less than the ledger expects
        JsonNode count =
                created(stock.post(stock.lotPath("safe-1", "K2611") + "/counts", """
                {"kind":"SHIFT_CHANGE","timing":"CLOSE_OF_BUSINESS","counted":{"amount":"32.25","unit":"ML"},
                 "exact":false,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        JsonNode lot = assertBalance("safe-1", "K2611", "32.65", count);
        assertThat(lot.get("openDiscrepancies").asInt())
                .as("a count never changes the balance")
                .isEqualTo(1);
        String discrepancyId = count.get("id").asText();
        JsonNode resolution = created(stock.post(
                stock.lotPath("safe-1", "K2611") + "/discrepancies/" + discrepancyId + "/resolution",
                """
                {"explanation":"overfill estimate of the opened vial; residue confirmed by second count",
                 "adjustToCount":true,"resolvedBy":"rn-1","approvedBy":"md-1","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        lot = assertBalance("safe-1", "K2611", "32.25", resolution);
        assertThat(lot.get("openDiscrepancies").asInt()).isZero();

        // week 3: an old lot expired last month; it is destroyed before two witnesses (DEA Form 41)
        created(stock.receive("safe-2", "OLD25", 2, "2026-10-31"));
        JsonNode destruction = created(
                stock.post(stock.lotPath("safe-2", "OLD25") + "/destructions", """
                {"quantity":{"amount":"15","unit":"ML"},"method":"chemical digestion (Rx Destroyer)",
                 "place":"Springfield clinic, room 4","destroyedBy":"rn-1","witnessedBy":["rn-2","md-1"],
                 "occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        assertBalance("safe-2", "OLD25", "5", destruction);
        JsonNode destroyed = lastMovement("safe-2", "OLD25", destruction);
        assertThat(destroyed.get("details").get("fullContainers").asInt()).isEqualTo(1);
        assertThat(destroyed.get("details").get("partialQuantity").get("amount").decimalValue())
                .isEqualByComparingTo("5");

        // week 4: a vial is missing from safe 2; the loss is reported with its DEA deadlines
        JsonNode loss =
                created(stock.post(stock.lotPath("safe-2", "K2611") + "/losses", """
                {"quantity":{"amount":"10","unit":"ML"},"lossType":"EMPLOYEE_PILFERAGE",
                 "policeReport":{"agency":"Springfield PD","reportNumber":"SPD-26-4471"},
                 "description":"vial missing at opening count","reportedBy":"md-1","discoveredAt":"%s"}
                """.formatted(StockFixture.now())));
        assertBalance("safe-2", "K2611", "0", loss);
        JsonNode reported = lastMovement("safe-2", "K2611", loss);
        assertThat(reported.get("details").get("noticeDueOn").asText()).isNotBlank();
        assertThat(reported.get("details").get("form106DueOn").asText()).isNotBlank();

        // week 4: the second session's syringe held 1.9 mL, not 2, and only 0.1 mL was wasted: the waste
        // and then the draw are corrected, each with a reason and the registrant's approval
        JsonNode movements = movements("safe-1", "K2611", resolution);
        String secondDraw = nth(movements, "DRAWN", 2);
        String secondWaste = nth(movements, "WASTED", 2);
        JsonNode wasteCorrection = created(correct(secondWaste, "0.1", "witness log shows 0.1 mL wasted"));
        assertBalance("safe-1", "K2611", "32.25", wasteCorrection);
        JsonNode correction = created(correct(secondDraw, "1.9", "syringe reading transcribed wrongly"));
        assertBalance("safe-1", "K2611", "32.35", correction);

        List<String> kinds = new ArrayList<>();
        movements("safe-1", "K2611", correction)
                .forEach(m -> kinds.add(m.get("movement").asText()));
        assertThat(kinds)
                .startsWith("RECEIVED", "DRAWN")
                .contains("DISPENSED", "TRANSFERRED_OUT", "COUNTED", "DISCREPANCY_RECORDED", "DISCREPANCY_RESOLVED")
                .endsWith("CORRECTED", "CORRECTED", "DRAW_ACCOUNTED_FOR");
    }

    private org.doseledger.api.support.Http.Response correct(String eventId, String millilitres, String reason) {
        return stock.post(stock.lotPath("safe-1", "K2611") + "/corrections", """
                {"correctedEventId":"%s","correctedQuantity":{"amount":"%s","unit":"ML"},"reason":"%s",
                 "correctedBy":"rn-1","approvedBy":"md-1","occurredAt":"%s"}
                """.formatted(
                        eventId, millilitres, reason, StockFixture.now()));
    }

    private static String nth(JsonNode movements, String kind, int n) {
        int seen = 0;
        for (JsonNode movement : movements) {
            if (movement.get("movement").asText().equals(kind) && ++seen == n) {
                return movement.get("eventId").asText();
            }
        }
        throw new AssertionError("no " + kind + " number " + n);
    }

    private JsonNode assertBalance(String location, String lotNumber, String millilitres, JsonNode write) {
        JsonNode lot =
                stock.lot(location, lotNumber, write.get("ledgerPosition").asLong());
        BigDecimal ml = new BigDecimal(millilitres);
        assertThat(lot.get("onHand").decimalValue()).as("mL on hand").isEqualByComparingTo(ml);
        assertThat(lot.get("onHandMilligrams").decimalValue())
                .as("mg on hand")
                .isEqualByComparingTo(ml.multiply(MG_PER_ML));
        return lot;
    }

    private void assertDrawAccountedFor(String lotNumber, String drawId, JsonNode write) {
        JsonNode draw = http.get("/api/practices/" + stock.practice + stock.lotPath("safe-1", lotNumber) + "/draws/"
                        + drawId + "?atLeastPosition="
                        + write.get("ledgerPosition").asLong())
                .key(stock.writer)
                .send()
                .json();
        assertThat(draw.get("status").asText()).isEqualTo("ACCOUNTED_FOR");
        assertThat(draw.get("administered")
                        .decimalValue()
                        .add(draw.get("wasted").decimalValue()))
                .isEqualByComparingTo(draw.get("drawn").decimalValue());
    }

    private JsonNode movements(String location, String lotNumber, JsonNode write) {
        return http.get("/api/practices/" + stock.practice + stock.lotPath(location, lotNumber)
                        + "/movements?atLeastPosition="
                        + write.get("ledgerPosition").asLong())
                .key(stock.writer)
                .send()
                .json();
    }

    private JsonNode lastMovement(String location, String lotNumber, JsonNode write) {
        JsonNode all = movements(location, lotNumber, write);
        return all.get(all.size() - 1);
    }
}
