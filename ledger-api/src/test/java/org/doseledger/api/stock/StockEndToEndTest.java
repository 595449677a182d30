package org.doseledger.api.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StockEndToEndTest extends EndToEndTest {

    private StockFixture stock;

    @BeforeEach
    void practiceWithStockSetUp() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
    }

    @Test
    void aLotIsAddressedByItsPathOnlyAndAMalformedPartIsNamed() {
        long received = StockFixture.created(stock.receive("safe-1", "PATH-1", 1, "2030-01-31"))
                .get("ledgerPosition")
                .asLong();

        Http.Response malformed = stock.get("/stock/lots/safe-1/4202301131/PATH-1");
        // a query parameter of the same name as a path variable does not move the request to another lot
        Http.Response shadowed =
                stock.get(stock.lotPath("safe-1", "PATH-1") + "?lotNumber=OTHER&atLeastPosition=" + received);

        assertProblem(malformed, 400, "VALIDATION_FAILED");
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("ndc");
        assertThat(shadowed.status()).as(shadowed.toString()).isEqualTo(200);
        assertThat(shadowed.json().get("lotNumber").asText()).isEqualTo("PATH-1");
    }

    @Test
    void everyMillilitreIsAccountedForFromReceiptToAdministrationAndWaste() {
        created(stock.receive("safe-1", "L1", 5, "2027-06-30"));
        JsonNode lot = stock.lot(
                "safe-1",
                "L1",
                created(stock.receive("safe-1", "L1", 0 + 1, "2027-06-30"))
                        .get("ledgerPosition")
                        .asLong());
        assertThat(lot.get("onHand").decimalValue()).isEqualByComparingTo("60");
        assertThat(lot.get("onHandMilligrams").decimalValue()).isEqualByComparingTo("3000");

        JsonNode draw = created(stock.draw("safe-1", "L1", "1.5", "rn-1"));
        String drawId = draw.get("id").asText();
        lot = stock.lot("safe-1", "L1", draw.get("ledgerPosition").asLong());
        assertThat(lot.get("onHand").decimalValue()).isEqualByComparingTo("58.5");
        assertThat(lot.get("onHandMilligrams").decimalValue()).isEqualByComparingTo("2925");
        assertThat(lot.get("openDraws").asInt()).isEqualTo(1);

        created(stock.administer("safe-1", "L1", drawId, "1.2"));
        JsonNode waste = created(stock.waste("safe-1", "L1", drawId, "0.3", "rn-1", "rn-2"));

        lot = stock.lot("safe-1", "L1", waste.get("ledgerPosition").asLong());
        assertThat(lot.get("onHand").decimalValue()).isEqualByComparingTo("58.5");
        assertThat(lot.get("openDraws").asInt()).isZero();
        JsonNode drawView = http.get(
                        "/api/practices/" + stock.practice + stock.lotPath("safe-1", "L1") + "/draws/" + drawId)
                .key(stock.writer)
                .send()
                .json();
        assertThat(drawView.get("status").asText()).isEqualTo("ACCOUNTED_FOR");
        assertThat(drawView.get("administered").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(drawView.get("wasted").decimalValue()).isEqualByComparingTo("0.3");
        List<String> movements = new ArrayList<>();
        http.get("/api/practices/" + stock.practice + stock.lotPath("safe-1", "L1") + "/movements")
                .key(stock.writer)
                .send()
                .json()
                .forEach(movement -> movements.add(movement.get("movement").asText()));
        assertThat(movements)
                .containsExactly("RECEIVED", "RECEIVED", "DRAWN", "ADMINISTERED", "WASTED", "DRAW_ACCOUNTED_FOR");
    }

    @Test
    void concurrentDrawsThatTogetherExceedTheStockLeaveExactlyWhatFits() throws Exception {
        // 10 mL on hand, three simultaneous draws of 4 mL each: two fit, the third must be refused
        for (int round = 0; round < 3; round++) {
            String lotNumber = "C" + round;
            created(stock.receive("safe-1", lotNumber, 1, "2027-06-30"));
            CountDownLatch start = new CountDownLatch(1);
            Callable<Http.Response> draw = () -> {
                start.await();
                return stock.draw("safe-1", lotNumber, "4", "rn-1");
            };
            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<Http.Response>> pending = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pending.add(threads.submit(draw));
            }
            start.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> answer : pending) {
                answers.add(answer.get());
            }
            threads.shutdown();

            assertThat(answers.stream().filter(answer -> answer.status() == 201))
                    .hasSize(2);
            List<Http.Response> refused =
                    answers.stream().filter(answer -> answer.status() != 201).toList();
            assertThat(refused).hasSize(1);
            assertThat(refused.get(0).status()).isEqualTo(409);
            assertThat(refused.get(0).json().get("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
            long last = answers.stream()
                    .filter(answer -> answer.status() == 201)
                    .mapToLong(answer -> answer.json().get("ledgerPosition").asLong())
                    .max()
                    .orElseThrow();
            assertThat(stock.lot("safe-1", lotNumber, last).get("onHand").decimalValue())
                    .isEqualByComparingTo("2");
        }
    }

    @Test
    void concurrentFirstReceiptsOfALotBothCount() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Http.Response> receipt = () -> {
            start.await();
            return stock.receive("safe-2", "NEW", 1, "2027-06-30");
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<Http.Response> first = threads.submit(receipt);
        Future<Http.Response> second = threads.submit(receipt);
        start.countDown();
        long last = Math.max(
                created(first.get()).get("ledgerPosition").asLong(),
                created(second.get()).get("ledgerPosition").asLong());
        threads.shutdown();

        assertThat(stock.lot("safe-2", "NEW", last).get("onHand").decimalValue())
                .isEqualByComparingTo("20");
    }

    @Test
    void aTransferThatTheDestinationRefusesWritesNothingAtEitherLocation() {
        created(stock.receive("safe-1", "TX", 1, "2027-06-30"));
        created(stock.receive("safe-2", "TX", 1, "2027-12-31"));
        long before = eventRows();

        Http.Response transfer =
                stock.post(stock.lotPath("safe-1", "TX") + "/transfers", """
                {"toLocationId":"safe-2","quantity":{"amount":"4","unit":"ML"},"transferredBy":"rn-1",
                 "witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(StockFixture.now()));

        assertThat(transfer.status()).isEqualTo(409);
        assertThat(transfer.json().get("code").asText()).isEqualTo("LOT_EXPIRY_MISMATCH");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void stockReturnedToTheSupplierLeavesTheBalance() {
        created(stock.receive("safe-1", "RT", 2, "2027-06-30"));

        JsonNode returned =
                created(stock.post(stock.lotPath("safe-1", "RT") + "/returns", """
                {"quantity":{"amount":"10","unit":"ML"},"reason":"manufacturer recall",
                 "returnedTo":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "returnedBy":"rn-1","witnessedBy":"md-1","occurredAt":"%s"}
                """.formatted(StockFixture.now())));

        assertThat(stock.lot("safe-1", "RT", returned.get("ledgerPosition").asLong())
                        .get("onHand")
                        .decimalValue())
                .isEqualByComparingTo("10");
    }

    @Test
    void aDestructionNeedsTwoDifferentWitnesses() {
        created(stock.receive("safe-1", "DX", 1, "2027-06-30"));
        String body = """
                {"quantity":{"amount":"5","unit":"ML"},"method":"chemical digestion","place":"clinic",
                 "destroyedBy":"rn-1","witnessedBy":%s,"occurredAt":"%s"}
                """;

        Http.Response one = stock.post(
                stock.lotPath("safe-1", "DX") + "/destructions", body.formatted("[\"rn-2\"]", StockFixture.now()));
        Http.Response same = stock.post(
                stock.lotPath("safe-1", "DX") + "/destructions",
                body.formatted("[\"rn-2\",\"rn-2\"]", StockFixture.now()));

        assertThat(one.status()).isEqualTo(400);
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("code").asText()).isEqualTo("DESTRUCTION_NEEDS_TWO_WITNESSES");
    }

    @Test
    void aNurseWithAnExpiredLicenceCannotDrawAndAPrescriberNeedsADeaRegistrationOnRecord() {
        created(stock.receive("safe-1", "CR", 1, "2027-06-30"));
        // a licence recorded three days ago that expired two days ago
        java.time.Instant threeDaysAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(3));
        created(stock.post(
                "/practitioners", """
                {"practitionerId":"rn-old","name":"Nurse Old","roles":["NURSE"],
                 "licence":{"number":"IL-1","state":"IL","expiresOn":"%s"},"occurredAt":"%s"}
                """.formatted(java.time.LocalDate.now().minusDays(2), threeDaysAgo)));
        created(stock.post("/practitioners", """
                {"practitionerId":"md-new","name":"Dr New","roles":["PRESCRIBER"],"deaNumber":"MX3141594",
                 "licence":{"number":"IL-2","state":"IL","expiresOn":"2028-01-31"},"occurredAt":"%s"}
                """.formatted(StockFixture.now())));

        Http.Response lapsed = stock.draw("safe-1", "CR", "1", "rn-old");
        Http.Response noDea = stock.post(stock.lotPath("safe-1", "CR") + "/dispensations", """
                {"quantity":{"amount":"1","unit":"ML"},"route":"SUBLINGUAL","clientId":"%s","prescribedBy":"md-new","dispensedBy":"rn-1",
                 "daysSupply":7,%s,"occurredAt":"%s"}
                """.formatted(
                        stock.client, StockFixture.prescription("RX-1"), StockFixture.now()));

        assertThat(lapsed.status()).isEqualTo(409);
        assertThat(lapsed.json().get("code").asText()).isEqualTo("PRACTITIONER_CREDENTIAL_INVALID");
        assertThat(lapsed.json().get("detail").asText()).contains("state licence expired");
        assertThat(noDea.status()).isEqualTo(409);
        assertThat(noDea.json().get("code").asText()).isEqualTo("PRACTITIONER_CREDENTIAL_INVALID");
        assertThat(noDea.json().get("detail").asText()).contains("no DEA registration expiry on record");
    }

    @Test
    void aPractitionerWithoutALicenceOnRecordCannotDraw() {
        created(stock.receive("safe-1", "NL", 1, "2027-06-30"));
        created(stock.post("/practitioners", """
                {"practitionerId":"rn-new","name":"Nurse New","roles":["NURSE"],"occurredAt":"%s"}
                """.formatted(StockFixture.now())));

        Http.Response response = stock.draw("safe-1", "NL", "1", "rn-new");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("PRACTITIONER_CREDENTIAL_INVALID");
        assertThat(response.json().get("detail").asText()).contains("no state licence on record");
    }

    @Test
    void aTherapistCannotDraw() {
        created(stock.receive("safe-1", "L2", 1, "2027-06-30"));
        long before = eventRows();

        Http.Response response = stock.draw("safe-1", "L2", "1", "th-1");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("PRACTITIONER_NOT_AUTHORIZED");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void wasteNeedsAWitnessWhoIsNotTheWaster() {
        created(stock.receive("safe-1", "L3", 1, "2027-06-30"));
        String drawId =
                created(stock.draw("safe-1", "L3", "1", "rn-1")).get("id").asText();

        Http.Response selfWitnessed = stock.waste("safe-1", "L3", drawId, "1", "rn-1", "rn-1");
        Http.Response byOther = stock.waste("safe-1", "L3", drawId, "1", "rn-2", "rn-1");

        assertThat(selfWitnessed.status()).isEqualTo(409);
        assertThat(selfWitnessed.json().get("code").asText()).isEqualTo("SECOND_PERSON_REQUIRED");
        assertThat(byOther.json().get("code").asText()).isEqualTo("WASTE_NOT_BY_DRAWER");
    }

    @Test
    void aDrawCannotBeOverAccounted() {
        created(stock.receive("safe-1", "L4", 1, "2027-06-30"));
        String drawId =
                created(stock.draw("safe-1", "L4", "1", "rn-1")).get("id").asText();
        created(stock.administer("safe-1", "L4", drawId, "0.8"));

        Http.Response response = stock.waste("safe-1", "L4", drawId, "0.3", "rn-1", "rn-2");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("DRAW_OVER_ACCOUNTED");
    }

    @Test
    void anExpiredLotCannotBeDrawn() {
        created(stock.receive("safe-1", "L5", 1, "2026-01-31"));

        Http.Response response = stock.draw("safe-1", "L5", "1", "rn-1");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("LOT_EXPIRED");
    }

    @Test
    void unknownLotsProductsLocationsAndDrawsAre404() {
        assertThat(stock.draw("safe-1", "NOPE", "1", "rn-1").json().get("code").asText())
                .isEqualTo("LOT_NOT_FOUND");
        assertThat(stock.receive("vault-9", "L6", 1, "2027-06-30")
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("LOCATION_NOT_FOUND");
        Http.Response unknownProduct =
                stock.post("/stock/lots/safe-1/00000-0000-00/L7/receipts", """
                {"expiresOn":"2027-06-30","containers":1,"invoiceNumber":"INV-1",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"}
                """.formatted(StockFixture.now()));
        assertThat(unknownProduct.status()).isEqualTo(404);
        assertThat(unknownProduct.json().get("code").asText()).isEqualTo("PRODUCT_NOT_FOUND");
        created(stock.receive("safe-1", "L8", 1, "2027-06-30"));
        assertThat(stock.administer("safe-1", "L8", "no-such-draw", "1")
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("DRAW_NOT_FOUND");
    }

    @Test
    void quantitiesAreExactDecimalsWithTheirUnit() {
        created(stock.receive("safe-1", "L9", 1, "2027-06-30"));

        Http.Response tooPrecise = stock.draw("safe-1", "L9", "0.0005", "rn-1");
        Http.Response wrongUnit = stock.post(stock.lotPath("safe-1", "L9") + "/draws", """
                {"quantity":{"amount":"1","unit":"EACH"},"clientId":"%s","sessionId":"%s","drawnBy":"rn-1","occurredAt":"%s"}
                """.formatted(
                        stock.client, StockFixture.SESSION, StockFixture.now()));

        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(wrongUnit.status()).isEqualTo(409);
        assertThat(wrongUnit.json().get("code").asText()).isEqualTo("QUANTITY_UNIT_MISMATCH");
    }

    @Test
    void aLateEntryNeedsAReasonAndACosignerAndIsFlagged() {
        String threeDaysAgo =
                java.time.Instant.now().minus(java.time.Duration.ofDays(3)).toString();
        String twoDaysAgo =
                java.time.Instant.now().minus(java.time.Duration.ofDays(2)).toString();
        String lateEntry = ",\"lateEntry\":{\"reason\":\"paper log transcribed after outage\",\"cosignedBy\":\"md-1\"}";
        String client = unique("client");
        created(stock.post("/clients", Bodies.client(client, threeDaysAgo)));
        created(stock.post("/clients/" + client + "/consents", Bodies.consent(threeDaysAgo)));
        String session = unique("session");
        stock.startSession(session, client, threeDaysAgo);
        created(stock.post(stock.lotPath("safe-1", "L10") + "/receipts", """
                {"expiresOn":"2027-06-30","containers":1,"invoiceNumber":"INV-L10",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"%s}
                """.formatted(threeDaysAgo, lateEntry)));
        String body = """
                {"quantity":{"amount":"1","unit":"ML"},"clientId":"%s","sessionId":"%s","drawnBy":"rn-1",
                 "occurredAt":"%s"%s}
                """;

        Http.Response unexplained =
                stock.post(stock.lotPath("safe-1", "L10") + "/draws", body.formatted(client, session, twoDaysAgo, ""));
        JsonNode explained = created(stock.post(
                stock.lotPath("safe-1", "L10") + "/draws",
                body.formatted(
                        client,
                        session,
                        twoDaysAgo,
                        ",\"lateEntry\":{\"reason\":\"paper log transcribed after outage\",\"cosignedBy\":\"md-1\"}")));

        assertThat(unexplained.status()).isEqualTo(409);
        assertThat(unexplained.json().get("code").asText()).isEqualTo("LATE_ENTRY_NEEDS_REASON");
        JsonNode movements = http.get("/api/practices/" + stock.practice + stock.lotPath("safe-1", "L10")
                        + "/movements?atLeastPosition="
                        + explained.get("ledgerPosition").asLong())
                .key(stock.writer)
                .send()
                .json();
        assertThat(movements.get(1).get("movement").asText()).isEqualTo("DRAWN");
        assertThat(movements.get(1).get("lateEntry").asBoolean()).isTrue();
        assertThat(movements
                        .get(1)
                        .get("details")
                        .get("lateEntry")
                        .get("cosignedBy")
                        .asText())
                .isEqualTo("md-1");
    }

    @Test
    void dosesAppearOnTheClientsTimeline() {
        created(stock.receive("safe-1", "L11", 1, "2027-06-30"));
        JsonNode draw = created(stock.draw("safe-1", "L11", "2", "rn-1"));

        JsonNode timeline = timeline(
                stock.practice,
                stock.client,
                stock.writer,
                draw.get("ledgerPosition").asLong());

        List<String> types = new ArrayList<>();
        timeline.get("entries")
                .forEach(entry -> types.add(entry.get("eventType").asText()));
        assertThat(types).contains("DoseDrawn");
    }

    @Test
    void whereThePracticeRequiresWitnessedDrawsTheWitnessIsOnTheMovement() {
        created(http.post("/api/practices/" + stock.practice + "/policies")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(
                        "{\"requireMedicalClearance\":false,\"doseIncreaseLimitPercent\":25,\"requireWitnessedDraws\":true,"
                                + "\"requireTreatmentPlan\":false}")
                .send());
        created(stock.receive("safe-1", "WD", 1, "2027-06-30"));
        String drawBody = """
                {"quantity":{"amount":"1","unit":"ML"},"clientId":"%s","sessionId":"stock-session","drawnBy":"rn-1",
                 "occurredAt":"%s"%s}
                """;

        Http.Response unwitnessed = stock.post(
                stock.lotPath("safe-1", "WD") + "/draws", drawBody.formatted(stock.client, StockFixture.now(), ""));
        JsonNode witnessed = created(stock.post(
                stock.lotPath("safe-1", "WD") + "/draws",
                drawBody.formatted(stock.client, StockFixture.now(), ",\"witnessedBy\":\"rn-2\"")));

        assertThat(unwitnessed.status()).isEqualTo(409);
        assertThat(unwitnessed.json().get("code").asText()).isEqualTo("SECOND_PERSON_REQUIRED");
        JsonNode movements = http.get("/api/practices/" + stock.practice + stock.lotPath("safe-1", "WD")
                        + "/movements?atLeastPosition="
                        + witnessed.get("ledgerPosition").asLong())
                .key(stock.writer)
                .send()
                .json();
        JsonNode drawn = null;
        for (JsonNode movement : movements) {
            if (movement.get("movement").asText().equals("DRAWN")) {
                drawn = movement;
            }
        }
        assertThat(drawn).isNotNull();
        assertThat(drawn.get("witness").asText()).isEqualTo("rn-2");
    }
}
