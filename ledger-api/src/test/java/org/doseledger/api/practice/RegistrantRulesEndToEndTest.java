package org.doseledger.api.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who a registrant deals with, over REST: its supplier is another registrant, and a nurse dispenses a
 * take-home dose only where the practice's policy says its state permits it. Each refusal writes nothing.
 */
class RegistrantRulesEndToEndTest extends EndToEndTest {

    private StockFixture stock;

    @BeforeEach
    void aPracticeWithStock() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        created(stock.receive("safe-1", "RR", 2, "2027-06-30"));
    }

    @Test
    void aReceiptFromASupplierWithThePracticesOwnDeaNumberIsRefused() {
        long before = eventRows();

        Http.Response response = stock.post(stock.lotPath("safe-1", "RR2") + "/receipts", """
                {"expiresOn":"2027-06-30","containers":1,"invoiceNumber":"INV-RR2",
                 "supplier":{"name":"Ourselves","deaNumber":"%s",
                   "address":{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"}},
                 "receivedBy":"rn-1","occurredAt":"%s"}
                """.formatted(
                        Bodies.deaNumberOf(stock.practice), StockFixture.now()));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("SUPPLIER_IS_THE_REGISTRANT");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aNurseDispensesATakeHomeDoseOnlyOnceThePracticesPolicyPermitsIt() {
        long before = eventRows();

        Http.Response refused = dispenseByNurse();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("TAKE_HOME_DISPENSING_NOT_PERMITTED");
        assertThat(eventRows()).isEqualTo(before);

        Http.Response policies = http.post("/api/practices/" + stock.practice + "/policies")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"requireMedicalClearance\":false,\"doseIncreaseLimitPercent\":25,"
                        + "\"nursesMayDispenseTakeHome\":true}")
                .send();
        assertThat(policies.status()).as(policies.toString()).isEqualTo(201);

        assertThat(dispenseByNurse().status()).isEqualTo(201);
    }

    private Http.Response dispenseByNurse() {
        return stock.post(stock.lotPath("safe-1", "RR") + "/dispensations", """
                {"quantity":{"amount":"1","unit":"ML"},"route":"SUBLINGUAL","clientId":"%s","prescribedBy":"md-1",
                 "dispensedBy":"rn-1","daysSupply":7,%s,"occurredAt":"%s"}
                """.formatted(
                        stock.client, StockFixture.prescription("RX-1"), StockFixture.now()));
    }
}
