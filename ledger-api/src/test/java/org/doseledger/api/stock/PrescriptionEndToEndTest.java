package org.doseledger.api.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A take-home dose is dispensed on a prescription the PDMP file can report, or not at all. */
class PrescriptionEndToEndTest extends EndToEndTest {

    private StockFixture stock;

    @BeforeEach
    void aLotAndAConsentedClient() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        created(stock.receive("safe-1", "RX", 1, "2027-06-30"));
    }

    @Test
    void theDispensingRecordsItsPrescription() {
        JsonNode receipt = created(dispense("\"prescription\":{\"number\":\"RX-2026-0142\",\"writtenOn\":\""
                + daysAgo(3) + "\",\"refillsAuthorized\":2,\"paymentType\":\"MEDICARE\"}"));

        String stored = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8')::jsonb ->> 'prescription' from domain_event_entry where event_identifier = ?",
                String.class,
                receipt.get("events").get(0).get("eventId").asText());
        assertThat(stored)
                .isEqualTo("{\"number\": \"RX-2026-0142\", \"writtenOn\": \"" + daysAgo(3)
                        + "\", \"paymentType\": \"MEDICARE\", \"refillsAuthorized\": 2}");
    }

    @Test
    void aDispensingWithoutAPrescriptionIsRefusedAndWritesNothing() {
        long before = eventRows();

        Http.Response response = dispense(null);

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("prescription");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aPrescriptionNumberLongerThanThePdmpFileTakesIsRefused() {
        Http.Response response = dispense("\"prescription\":{\"number\":\"RX-12345678901234567890123\",\"writtenOn\":\""
                + daysAgo(3) + "\",\"refillsAuthorized\":0,\"paymentType\":\"PRIVATE_PAY\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("prescription.number");
    }

    @Test
    void aPrescriptionWrittenMoreThanSixMonthsBeforeIsRefusedAndWritesNothing() {
        long before = eventRows();

        Http.Response response = dispense("\"prescription\":{\"number\":\"RX-OLD\",\"writtenOn\":\"" + daysAgo(200)
                + "\",\"refillsAuthorized\":0,\"paymentType\":\"PRIVATE_PAY\"}");

        assertProblem(response, 409, "INVALID_PRESCRIPTION");
        assertThat(response.json().get("detail").asText())
                .contains("a Schedule III prescription is filled within six months of being written");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aPrescriptionIsFilledOncePlusItsRefillsAndEachRefillIsNumbered() {
        String oneRefill = "\"prescription\":{\"number\":\"RX-REFILL\",\"writtenOn\":\"" + daysAgo(3)
                + "\",\"refillsAuthorized\":1,\"paymentType\":\"PRIVATE_PAY\"}";
        created(dispense(oneRefill));
        JsonNode refill = created(dispense(oneRefill));
        String stored = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8')::jsonb ->> 'fillNumber' from domain_event_entry"
                        + " where event_identifier = ?",
                String.class,
                refill.get("events").get(0).get("eventId").asText());
        assertThat(stored).isEqualTo("1");
        long before = eventRows();

        Http.Response third = dispense(oneRefill);

        assertProblem(third, 409, "INVALID_PRESCRIPTION");
        assertThat(third.json().get("detail").asText())
                .isEqualTo("Prescription RX-REFILL authorizes 1 refill(s) and was filled 2 time(s) already");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void moreThanFiveRefillsAreRefused() {
        Http.Response response = dispense("\"prescription\":{\"number\":\"RX-6\",\"writtenOn\":\"" + daysAgo(3)
                + "\",\"refillsAuthorized\":6,\"paymentType\":\"PRIVATE_PAY\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText())
                .isEqualTo("prescription.refillsAuthorized");
    }

    private Http.Response dispense(String prescription) {
        return stock.post(stock.lotPath("safe-1", "RX") + "/dispensations", """
                {"quantity":{"amount":"1","unit":"ML"},"route":"SUBLINGUAL","clientId":"%s","prescribedBy":"md-1",
                 "dispensedBy":"md-1","daysSupply":7,%s"occurredAt":"%s"}
                """.formatted(
                        stock.client, prescription == null ? "" : prescription + ",", StockFixture.now()));
    }

    private static LocalDate daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days);
    }
}
