package org.doseledger.api.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lot's day, written up a day later from the paper log (late entries): received 20 mL, counted 20,
 * 1 mL drawn and administered, counted 19. After that was recorded (knownAt), a forgotten 0.5 mL draw
 * from before the second count was entered late and then corrected to 0.3 mL.
 */
class AccountabilityEndToEndTest extends EndToEndTest {

    static final String LATE = ",\"lateEntry\":{\"reason\":\"paper log transcribed\",\"cosignedBy\":\"md-1\"}";

    String practice;
    String officer;
    StockFixture stock;
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(30));
    Instant firstCount = start.plus(Duration.ofHours(2));
    Instant secondCount = start.plus(Duration.ofHours(5));
    Instant asOf = start.plus(Duration.ofHours(6));
    String firstCountId;
    String secondCountId;
    Instant knownAt;
    String lateDrawEvent;
    long last;

    @BeforeEach
    void aDayWrittenUpLate() {
        practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        recordConsent(
                practice, stock.client, writer, start.minus(Duration.ofHours(1)).toString());
        String lot = stock.lotPath("safe-1", "A");
        StockFixture.created(stock.post(lot + "/receipts", """
                {"expiresOn":"2027-06-30","containers":2,"invoiceNumber":"INV-A",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"%s}
                """.formatted(start, LATE)));
        firstCountId = count(lot, "20", firstCount);
        String drawId = StockFixture.created(stock.post(lot + "/draws", draw("1", start.plus(Duration.ofHours(3)))))
                .get("id")
                .asText();
        StockFixture.created(stock.post(
                lot + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"1","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"%s}
                """.formatted(start.plus(Duration.ofHours(3)), LATE)));
        secondCountId = count(lot, "19", secondCount);

        // what the ledger knew then: everything up to the second count's own recorded time
        knownAt = Instant.parse(jdbc.queryForObject(
                "select convert_from(meta_data, 'UTF8')::jsonb ->> 'recordedAt' from domain_event_entry"
                        + " order by global_index desc limit 1",
                String.class));

        JsonNode lateDraw =
                StockFixture.created(stock.post(lot + "/draws", draw("0.5", start.plus(Duration.ofHours(4)))));
        lateDrawEvent = lateDraw.get("events").get(0).get("eventId").asText();
        last = StockFixture.created(stock.post(lot + "/corrections", """
                        {"correctedEventId":"%s","correctedQuantity":{"amount":"0.3","unit":"ML"},
                         "reason":"syringe read wrong","correctedBy":"rn-1","approvedBy":"md-1","occurredAt":"%s"}
                        """.formatted(lateDrawEvent, StockFixture.now())))
                .get("ledgerPosition")
                .asLong();
    }

    @Test
    void whatTheLedgerShowedThenLeavesOutTheLateDrawAndItsCorrection() {
        JsonNode lot = single(
                read("asOf=" + asOf + "&from=" + firstCount + "&knownAt=" + knownAt + "&atLeastPosition=" + last));

        assertThat(lot.get("opening").get("countId").asText()).isEqualTo(firstCountId);
        assertThat(lot.get("opening").get("quantity").decimalValue()).isEqualByComparingTo("20");
        assertThat(lot.get("totals").get("drawn").decimalValue()).isEqualByComparingTo("1");
        assertThat(lot.get("totals").get("administered").decimalValue()).isEqualByComparingTo("1");
        assertThat(lot.get("expected").decimalValue()).isEqualByComparingTo("19");
        JsonNode closing = lot.get("closingCount");
        assertThat(closing.get("countId").asText()).isEqualTo(secondCountId);
        assertThat(closing.get("expected").decimalValue()).isEqualByComparingTo("19");
        assertThat(closing.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(movements(lot)).containsExactly("DRAWN", "ADMINISTERED", "DRAW_ACCOUNTED_FOR", "COUNTED");
    }

    @Test
    void asKnownNowTheLateDrawCountsAtItsOwnTimeAndItsCorrectionAppliesToIt() {
        JsonNode lot = single(read("asOf=" + asOf + "&from=" + firstCount + "&atLeastPosition=" + last));

        assertThat(lot.get("totals").get("drawn").decimalValue())
                .as("1 mL, plus the late 0.5 mL draw corrected to 0.3")
                .isEqualByComparingTo("1.3");
        assertThat(lot.get("expected").decimalValue()).isEqualByComparingTo("18.7");
        JsonNode closing = lot.get("closingCount");
        assertThat(closing.get("counted").decimalValue()).isEqualByComparingTo("19");
        assertThat(closing.get("expected").decimalValue()).isEqualByComparingTo("18.7");
        assertThat(closing.get("difference").decimalValue())
                .as("the count found the 0.3 mL that the late draw took")
                .isEqualByComparingTo("0.3");
        assertThat(movements(lot))
                .containsExactly("DRAWN", "ADMINISTERED", "DRAW_ACCOUNTED_FOR", "DRAWN", "CORRECTED", "COUNTED");
        JsonNode correction = StreamSupport.stream(lot.get("movements").spliterator(), false)
                .filter(movement -> movement.get("movement").asText().equals("CORRECTED"))
                .findFirst()
                .orElseThrow();
        assertThat(correction.get("correctedEventId").asText()).isEqualTo(lateDrawEvent);
        assertThat(Instant.parse(correction.get("effectiveAt").asText())).isEqualTo(start.plus(Duration.ofHours(4)));
        assertThat(Instant.parse(correction.get("recordedAt").asText())).isAfter(knownAt);
    }

    @Test
    void withoutFromThePeriodOpensAtZeroAndBeforeAnyEntryThereIsNothing() {
        JsonNode lot = single(read("asOf=" + asOf + "&atLeastPosition=" + last + "&movements=false"));
        assertThat(lot.get("opening").has("countId")).isFalse();
        assertThat(lot.get("opening").get("quantity").decimalValue()).isEqualByComparingTo("0");
        assertThat(lot.get("totals").get("received").decimalValue()).isEqualByComparingTo("20");
        assertThat(lot.get("expected").decimalValue()).isEqualByComparingTo("18.7");
        assertThat(lot.has("movements")).isFalse();

        assertThat(read("asOf=" + start.minusSeconds(1)).get("lots")).isEmpty();
        assertThat(read("asOf=" + asOf + "&knownAt=" + start).get("lots"))
                .as("nothing was recorded before the day was written up")
                .isEmpty();
    }

    @Test
    void csvHasOneRowPerLot() {
        Http.Response response = http.get("/api/practices/" + practice + "/accountability?asOf=" + asOf + "&from="
                        + firstCount + "&atLeastPosition=" + last)
                .key(officer)
                .header("Accept", "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String[] lines = response.text().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("asOf,knownAt,locationId,ndc,lotNumber,");
        assertThat(lines[1])
                .contains(",safe-1," + StockFixture.NDC + ",A,KETAMINE,ML," + firstCountId + ",")
                .contains(",20,0,0,1.3,1,0,0,0,0,0,0,0,18.7,935," + secondCountId + ",")
                .endsWith(",19,18.7,0.3");
    }

    @Test
    void aPeriodMustMakeSense() {
        for (String bad : List.of("", "asOf=yesterday", "asOf=" + asOf + "&from=" + asOf.plusSeconds(1))) {
            Http.Response response = http.get("/api/practices/" + practice + "/accountability?" + bad)
                    .key(officer)
                    .send();
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
        }
    }

    private String count(String lot, String counted, Instant at) {
        return StockFixture.created(stock.post(lot + "/counts", """
                        {"kind":"SHIFT_CHANGE","timing":"CLOSE_OF_BUSINESS","counted":{"amount":"%s","unit":"ML"},
                         "exact":true,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"%s}
                        """.formatted(counted, at, LATE)))
                .get("id")
                .asText();
    }

    private String draw(String millilitres, Instant at) {
        return """
                {"quantity":{"amount":"%s","unit":"ML"},"clientId":"%s","sessionId":"stock-session","drawnBy":"rn-1",
                 "occurredAt":"%s"%s}
                """.formatted(millilitres, stock.client, at, LATE);
    }

    private JsonNode read(String query) {
        Http.Response response = http.get("/api/practices/" + practice + "/accountability?" + query)
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode single(JsonNode view) {
        assertThat(view.get("lots")).hasSize(1);
        return view.get("lots").get(0);
    }

    private static List<String> movements(JsonNode lot) {
        return StreamSupport.stream(lot.get("movements").spliterator(), false)
                .map(movement -> movement.get("movement").asText())
                .toList();
    }
}
