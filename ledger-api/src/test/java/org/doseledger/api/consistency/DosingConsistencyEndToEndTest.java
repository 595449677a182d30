package org.doseledger.api.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three weekly IM sessions of one client on a 50-100 mg plan, weighing 80 kg: 75 mg; then 100 mg drawn,
 * 80 given and 20 wasted; then 100 mg given by another nurse with no vitals taken. A second client
 * gets 75 mg in a session of its own. Written up after the fact (the practice's late-entry window is
 * a month).
 */
class DosingConsistencyEndToEndTest extends EndToEndTest {

    StockFixture stock;
    String officer;
    String other;
    Instant weekOne = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(15));
    long last;

    @BeforeEach
    void threeWeeksOfDosing() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        created(http.post("/api/practices/" + practice + "/policies")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"requireMedicalClearance\":false,\"doseIncreaseLimitPercent\":25}")
                .send());
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        other = newClient(practice, writer);
        Instant before = weekOne.minus(Duration.ofDays(1));
        for (String client : new String[] {stock.client, other}) {
            created(stock.post("/clients/" + client + "/consents", """
                    {"document":{"documentId":"KAP-DOSING-CONSENT","version":"2","revisionDate":"2026-01-15"},
                     "signedAt":"%s","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                     "risksAcknowledged":["dissociation"],"routes":["IM"],"careModels":["ADMINISTERED"]}
                    """.formatted(before)));
            created(stock.post(
                    "/clients/" + client + "/weights",
                    "{\"kilograms\":80,\"measuredBy\":\"rn-1\",\"occurredAt\":\"" + before + "\"}"));
            created(stock.post("/clients/" + client + "/treatment-plans", """
                    {"terms":{"dosingSessions":6,"preparationSessions":1,"integrationSessions":6,"route":"IM",
                      "minDose":50,"maxDose":100,"maxSingleDose":120,"minIntervalDays":6,"doseBasis":"MG"},
                     "approvedBy":"md-1","occurredAt":"%s"}
                    """.formatted(before)));
        }
        created(stock.post(stock.lotPath("safe-1", "A") + "/receipts", """
                {"expiresOn":"2027-06-30","containers":2,"invoiceNumber":"INV-A",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"%s}
                """.formatted(before, LATE)));

        session(stock.client, "s-1", weekOne, true, "1.5", "1.5", null, "rn-1");
        session(stock.client, "s-2", weekOne.plus(Duration.ofDays(7)), true, "2", "1.6", "0.4", "rn-1");
        session(other, "s-9", weekOne.plus(Duration.ofDays(8)), true, "1.5", "1.5", null, "rn-1");
        last = session(stock.client, "s-3", weekOne.plus(Duration.ofDays(14)), false, "2", "2", null, "rn-2");
    }

    @Test
    void eachSessionOfAClientIsJudgedAgainstThePlanThePreviousDoseAndTheRules() {
        JsonNode report = read("client=" + stock.client + "&atLeastPosition=" + last);

        assertThat(report.get("total").asInt()).isEqualTo(3);
        JsonNode first = report.get("sessions").get(0);
        JsonNode second = report.get("sessions").get(1);
        JsonNode third = report.get("sessions").get(2);
        assertThat(first.get("sessionId").asText()).isEqualTo("s-1");
        assertThat(first.get("administeredMilligrams").decimalValue()).isEqualByComparingTo("75");
        assertThat(first.get("milligramsPerKilogram").decimalValue()).isEqualByComparingTo("0.938");
        assertThat(first.get("plan").get("maxDose").decimalValue()).isEqualByComparingTo("100");
        assertThat(first.has("changeFromPreviousPercent")).isFalse();
        assertThat(first.get("drawToAdministerDelay").asText()).isEqualTo("PT5M");
        assertThat(first.get("flags")).isEmpty();

        assertThat(second.get("drawnMilligrams").decimalValue()).isEqualByComparingTo("100");
        assertThat(second.get("administeredMilligrams").decimalValue()).isEqualByComparingTo("80");
        assertThat(second.get("wastedMilligrams").decimalValue()).isEqualByComparingTo("20");
        assertThat(second.get("wasteShare").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(second.get("changeFromPreviousPercent").decimalValue()).isEqualByComparingTo("6.7");
        assertThat(second.get("intervalFromPrevious").asText()).isEqualTo("PT168H");
        assertThat(second.get("drawToWasteDelay").asText()).isEqualTo("PT20M");
        assertThat(second.get("vitalsRecorded").asInt()).isEqualTo(1);

        assertThat(third.get("administeredMilligrams").decimalValue()).isEqualByComparingTo("100");
        assertThat(third.get("changeFromPreviousPercent").decimalValue()).isEqualByComparingTo("25");
        assertThat(third.get("administeredBy").toString()).isEqualTo("[\"rn-2\"]");
        assertThat(third.get("vitalsRecorded").asInt()).isZero();
        assertThat(third.get("flags").toString()).isEqualTo("[\"MISSING_VITALS\"]");
    }

    @Test
    void anIncreaseGivenWithARationaleAloneIsReportedWithItsRationale() {
        Instant start = weekOne.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(30));
        created(stock.post("/sessions", """
                {"sessionId":"s-10","clientId":"%s","substance":"KETAMINE","scheduledFor":"%s"}
                """.formatted(other, start)));
        created(stock.post(
                "/sessions/s-10/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
        String lot = stock.lotPath("safe-1", "A");
        String drawId = created(stock.post(
                        lot + "/draws", """
                        {"quantity":{"amount":"2","unit":"ML"},"clientId":"%s","sessionId":"s-10","drawnBy":"rn-1",
                         "occurredAt":"%s"%s}
                        """.formatted(other, start.plus(Duration.ofMinutes(5)), late(start))))
                .get("id")
                .asText();
        // 100 mg after 75 mg: a third more than the practice's 25 % limit needs a rationale, no approver
        long given = created(stock.post(lot + "/draws/" + drawId + "/administrations", """
                        {"quantity":{"amount":"2","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s",
                         "override":{"rationale":"titrating per plan"}%s}
                        """.formatted(
                                start.plus(Duration.ofMinutes(10)), late(start))))
                .get("ledgerPosition")
                .asLong();

        JsonNode report = read("client=" + other + "&atLeastPosition=" + given);

        assertThat(report.get("total").asInt()).isEqualTo(2);
        JsonNode increased = report.get("sessions").get(1);
        assertThat(increased.get("flags").toString()).contains("INCREASE_ABOVE_POLICY_LIMIT");
        assertThat(increased.get("overrides").get(0).get("rationale").asText()).isEqualTo("titrating per plan");
        assertThat(increased.get("overrides").get(0).get("approvedBy").isNull()).isTrue();
    }

    @Test
    void aSessionShowsTheTakeHomeDosesDispensedUntilTheClientsNextSession() {
        Instant before = weekOne.minus(Duration.ofDays(1));
        created(stock.post("/clients/" + stock.client + "/consents", """
                {"document":{"documentId":"KAP-TAKE-HOME-CONSENT","version":"1","revisionDate":"2026-01-15"},
                 "signedAt":"%s","signedBy":"client","witnessedBy":"Nurse Joy",
                 "risksAcknowledged":["dissociation"],"routes":["SUBLINGUAL"],"careModels":["DISPENSED"]}
                """.formatted(before)));
        Instant dayAfter = weekOne.plus(Duration.ofDays(1));
        long dispensed = created(stock.post(stock.lotPath("safe-1", "A") + "/dispensations", """
                        {"quantity":{"amount":"1","unit":"ML"},"route":"SUBLINGUAL","clientId":"%s",
                         "prescribedBy":"md-1","dispensedBy":"md-1","daysSupply":3,
                         "prescription":{"number":"RX-TH-1","writtenOn":"%s","refillsAuthorized":0,
                                         "paymentType":"PRIVATE_PAY"},
                         "occurredAt":"%s",
                         "lateEntry":{"reason":"entered from the paper dispensing log","cosignedBy":"rn-1"}}
                        """.formatted(
                        stock.client,
                        dayAfter.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1),
                        dayAfter)))
                .get("ledgerPosition")
                .asLong();

        JsonNode report = read("client=" + stock.client + "&atLeastPosition=" + dispensed);

        JsonNode sessions = report.get("sessions");
        assertThat(sessions.get(0).get("sessionId").asText()).isEqualTo("s-1");
        assertThat(sessions.get(0).get("takeHomeMilligrams").decimalValue()).isEqualByComparingTo("50");
        assertThat(sessions.get(1).has("takeHomeMilligrams")).isFalse();
        assertThat(sessions.get(2).has("takeHomeMilligrams")).isFalse();

        // the dispensing is corrected to 0.5 mL: the session shows what was actually taken home
        String dispensingEvent = null;
        for (JsonNode movement : http.get("/api/practices/" + stock.practice + stock.lotPath("safe-1", "A")
                        + "/movements?atLeastPosition=" + dispensed)
                .key(officer)
                .send()
                .json()) {
            if (movement.get("movement").asText().equals("DISPENSED")) {
                dispensingEvent = movement.get("eventId").asText();
            }
        }
        long corrected = created(stock.post(stock.lotPath("safe-1", "A") + "/corrections", """
                        {"correctedEventId":"%s","correctedQuantity":{"amount":"0.5","unit":"ML"},
                         "reason":"half the troche pack was handed back","correctedBy":"rn-1","approvedBy":"md-1",
                         "occurredAt":"%s"}
                        """.formatted(
                                dispensingEvent, StockFixture.now())))
                .get("ledgerPosition")
                .asLong();
        JsonNode after = read("client=" + stock.client + "&atLeastPosition=" + corrected);
        assertThat(after.get("sessions").get(0).get("takeHomeMilligrams").decimalValue())
                .isEqualByComparingTo("25");
    }

    @Test
    void perPractitionerAndPerPeriod() {
        read("atLeastPosition=" + last);

        assertThat(read("practitioner=rn-2").get("total").asInt()).isEqualTo(1);
        assertThat(read("practitioner=rn-1").get("total").asInt())
                .as("rn-1 drew in every session and gave three doses")
                .isEqualTo(4);
        assertThat(read("from=" + weekOne.plus(Duration.ofDays(7)) + "&to=" + weekOne.plus(Duration.ofDays(9)))
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        Http.Response backwards = http.get("/api/practices/" + stock.practice + "/dosing-consistency?from="
                        + weekOne.plus(Duration.ofDays(9)) + "&to=" + weekOne)
                .key(officer)
                .send();
        assertThat(backwards.status()).isEqualTo(400);
    }

    @Test
    void theDistributionShowsEachPractitionersDosesAndMarksOutliers() {
        read("atLeastPosition=" + last);
        Http.Response response = http.get("/api/practices/" + stock.practice + "/dosing-consistency/distribution")
                .key(officer)
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode im = response.json().get("groups").get(0);
        assertThat(im.get("route").asText()).isEqualTo("IM");
        assertThat(im.get("substance").asText()).isEqualTo("KETAMINE");
        assertThat(im.get("practice").get("sessions").asInt()).isEqualTo(4);
        assertThat(im.get("practice").get("medianMilligrams").decimalValue()).isEqualByComparingTo("77.5");
        assertThat(im.get("practitioners").get(0).get("practitionerId").asText())
                .isEqualTo("rn-1");
        assertThat(im.get("practitioners").get(0).get("doses").get("sessions").asInt())
                .isEqualTo(3);
        // doses 75, 75, 80, 100: Q1 75, Q3 85, IQR 10, fences 60 and 100; nothing outside
        assertThat(im.get("upperFence").decimalValue()).isEqualByComparingTo("100");
        assertThat(im.get("outliers")).isEmpty();
    }

    @Test
    void csvHasOneRowPerSession() {
        read("atLeastPosition=" + last);
        Http.Response response = http.get(
                        "/api/practices/" + stock.practice + "/dosing-consistency?client=" + stock.client)
                .key(officer)
                .header("Accept", "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String[] lines = response.text().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).startsWith(stock.client + ",s-3,").endsWith(",0,MISSING_VITALS");
    }

    /** A started session with (or without) vitals, a draw, its administration, and waste of the rest. */
    private long session(
            String client,
            String sessionId,
            Instant start,
            boolean vitals,
            String drawn,
            String given,
            String wasted,
            String nurse) {
        created(stock.post("/sessions", """
                {"sessionId":"%s","clientId":"%s","substance":"KETAMINE","scheduledFor":"%s"}
                """.formatted(sessionId, client, start)));
        created(stock.post(
                "/sessions/" + sessionId + "/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
        if (vitals) {
            created(stock.post("/sessions/" + sessionId + "/vitals", """
                    {"systolicMmHg":128,"diastolicMmHg":82,"heartRateBpm":74,"spo2Percent":98,"takenBy":"rn-2",
                     "takenAt":"%s"}
                    """.formatted(start.plus(Duration.ofMinutes(2)))));
        }
        String lot = stock.lotPath("safe-1", "A");
        String drawId = created(stock.post(lot + "/draws", """
                        {"quantity":{"amount":"%s","unit":"ML"},"clientId":"%s","sessionId":"%s","drawnBy":"rn-1",
                         "occurredAt":"%s"%s}
                        """.formatted(
                                drawn, client, sessionId, start.plus(Duration.ofMinutes(5)), late(start))))
                .get("id")
                .asText();
        JsonNode write = created(stock.post(lot + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"%s","unit":"ML"},"route":"IM","administeredBy":"%s","occurredAt":"%s"%s}
                """.formatted(
                        given, nurse, start.plus(Duration.ofMinutes(10)), late(start))));
        if (wasted != null) {
            write = created(stock.post(lot + "/draws/" + drawId + "/waste", """
                    {"quantity":{"amount":"%s","unit":"ML"},"method":"expelled into drug disposal container",
                     "wastedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"%s}
                    """.formatted(
                            wasted, start.plus(Duration.ofMinutes(25)), late(start))));
        }
        return write.get("ledgerPosition").asLong();
    }

    /** Sessions of past weeks are entered today: late entries, with their reason and co-signer. */
    private static final String LATE =
            ",\"lateEntry\":{\"reason\":\"entered from the paper session log\",\"cosignedBy\":\"md-1\"}";

    private static String late(Instant start) {
        return start.isBefore(Instant.now().minus(Duration.ofHours(23))) ? LATE : "";
    }

    private JsonNode read(String query) {
        Http.Response response = http.get("/api/practices/" + stock.practice + "/dosing-consistency?" + query)
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
