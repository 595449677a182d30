package org.doseledger.api.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A theft or loss is recorded with what DEA Form 106 asks of it, or refused with nothing written. */
class LossReportEndToEndTest extends EndToEndTest {

    private StockFixture stock;

    @BeforeEach
    void aLot() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        created(stock.receive("safe-1", "LR", 1, "2027-06-30"));
    }

    @Test
    void aLossInTransitIsRecordedWithItsCarrier() {
        JsonNode receipt = created(report("LOST_IN_TRANSIT", """
                ,"details":{"county":"Sangamon","estimatedValueUsd":8.4,
                 "carrier":{"name":"Midwest Medical Courier","trackingNumber":"MMC-77120","shippedOn":"2026-11-02"}}"""));

        String stored = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8')::jsonb -> 'details' ->> 'carrier' from domain_event_entry"
                        + " where event_identifier = ?",
                String.class,
                receipt.get("events").get(0).get("eventId").asText());
        assertThat(stored)
                .isEqualTo("{\"name\": \"Midwest Medical Courier\", \"shippedOn\": \"2026-11-02\","
                        + " \"trackingNumber\": \"MMC-77120\"}");
    }

    @Test
    void aLossInTransitWithoutItsCarrierIsRefusedAndWritesNothing() {
        long before = eventRows();

        Http.Response response = report("LOST_IN_TRANSIT", "");

        assertProblem(response, 409, "INVALID_LOSS_REPORT");
        assertThat(response.json().get("detail").asText()).contains("names the carrier");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aLossDatedAfterItsDiscoveryIsRefused() {
        Http.Response response = report("OTHER", ",\"details\":{\"lostOn\":\"2099-01-01\"}");

        assertProblem(response, 409, "INVALID_LOSS_REPORT");
    }

    @Test
    void aPolicePhoneWithPunctuationIsAValidationError() {
        Http.Response response = report(
                "BREAK_IN", ",\"policeReport\":{\"agency\":\"SPD\",\"reportNumber\":\"1\",\"phone\":\"217-555-0911\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("policeReport.phone");
    }

    private Http.Response report(String type, String extra) {
        return stock.post(stock.lotPath("safe-1", "LR") + "/losses", """
                {"quantity":{"amount":"1","unit":"ML"},"lossType":"%s","description":"vial missing",
                 "reportedBy":"md-1","discoveredAt":"%s"%s}
                """.formatted(type, StockFixture.now(), extra));
    }
}
