package org.doseledger.api.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.Test;

/**
 * One client through a full course: intake, consent, clearance, plan, preparation, dosing sessions with
 * vitals and doses drawn from real stock (escalating within the plan), integration, one dose given
 * with an override, one refused, consent revoked and the next dose refused; at the end the lot's
 * balance and the client's record agree to the milligram. To stay within the 24 h late-entry window
 * the course is compressed into the last day (the plan's minimum interval is 0).
 */
class AFullCourseEndToEndTest extends EndToEndTest {

    private static final String PLAN = """
            {"terms":{"dosingSessions":6,"preparationSessions":2,"integrationSessions":6,"route":"IM",
              "minDose":40,"maxDose":90,"maxSingleDose":80,"minIntervalDays":0},
             "approvedBy":"md-1","occurredAt":"%s"}
            """;

    private StockFixture stock;
    private Instant base;

    @Test
    void aCourseOfTreatmentAgreesWithTheInventoryToTheMilligram() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(20));
        String client = "/clients/" + stock.client;

        // intake: consent, clearance, plan, two preparation sessions
        JsonNode consent = created(stock.post(client + "/consents", """
                {"document":{"documentId":"KAP-COURSE-CONSENT","version":"1","revisionDate":"2026-01-15"},
                 "signedAt":"%s","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                 "risksAcknowledged":["dissociation","elevated blood pressure"],"routes":["IM"],
                 "careModels":["ADMINISTERED"]}
                """.formatted(at(-90))));
        created(stock.post(client + "/clearances", """
                {"source":"OUTSIDE_CLINICIAN","clinician":"Dr. Ana Reyes, primary care","clearedAt":"%s",
                 "maxSystolicMmHg":150,"maxDiastolicMmHg":95}
                """.formatted(at(-80))));
        created(stock.post(client + "/treatment-plans", PLAN.formatted(at(-70))));
        for (int i = 0; i < 2; i++) {
            created(therapy("PREPARATION", null, at(-60 + 20 * i)));
        }
        created(stock.receiveYesterday("safe-1", "CRS", 2, "2027-06-30"));

        // five sessions within the plan's limits; the fifth needs and gets an override
        String[] doses = {"1", "1.1", "1.2", "1.3", "1.7"};
        BigDecimal administeredMg = BigDecimal.ZERO;
        BigDecimal drawnMl = BigDecimal.ZERO;
        for (int i = 0; i < doses.length; i++) {
            String session = "course-s" + (i + 1);
            int start = 120 * i;
            openSession(session, start);
            String drawId = draw(session, "2", start + 6);
            drawnMl = drawnMl.add(new BigDecimal("2"));
            String override = i == 4
                    ? ",\"override\":{\"rationale\":\"little effect at 65 mg; BP stable\",\"approvedBy\":\"md-1\"}"
                    : "";
            Http.Response dose = administer(drawId, doses[i], start + 8, override);
            assertThat(dose.status()).as(dose.toString()).isEqualTo(201);
            administeredMg = administeredMg.add(new BigDecimal(doses[i]).multiply(new BigDecimal("50")));
            created(waste(
                    drawId,
                    new BigDecimal("2").subtract(new BigDecimal(doses[i])).toPlainString(),
                    start + 9));
            created(stock.post(
                    "/sessions/" + session + "/discharge",
                    "{\"criteriaMet\":true,\"escort\":\"partner\",\"dischargedBy\":\"rn-2\",\"dischargedAt\":\""
                            + at(start + 70) + "\"}"));
            created(therapy("INTEGRATION", session, at(start + 90)));
        }

        // the sixth: 100 mg without an override is refused with a clear error; the draw is wasted
        openSession("course-s6", 600);
        String refusedDraw = draw("course-s6", "2", 606);
        drawnMl = drawnMl.add(new BigDecimal("2"));
        Http.Response refused = administer(refusedDraw, "2", 608, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("DOSE_OUTSIDE_PLAN");
        assertThat(refused.json().get("detail").asText()).contains("ABOVE_PLAN_MAXIMUM");
        JsonNode last = created(waste(refusedDraw, "2", 609));

        // the client revokes consent; nothing more leaves the safe for them
        created(http.post("/api/practices/" + stock.practice + client + "/consents/"
                        + consent.get("id").asText() + "/revocation")
                .key(stock.writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.revocation(at(660).toString()))
                .send());
        openSession("course-s7", 720);
        Http.Response afterRevocation = stock.post(
                stock.lotPath("safe-1", "CRS") + "/draws",
                "{\"quantity\":{\"amount\":\"1\",\"unit\":\"ML\"},\"clientId\":\"" + stock.client
                        + "\",\"sessionId\":\"course-s7\",\"drawnBy\":\"rn-1\",\"occurredAt\":\"" + at(726) + "\"}");
        assertThat(afterRevocation.status()).isEqualTo(409);
        assertThat(afterRevocation.json().get("code").asText()).isEqualTo("NO_ACTIVE_CONSENT");

        // inventory and the client's record agree to the milligram
        JsonNode lot = stock.lot("safe-1", "CRS", last.get("ledgerPosition").asLong());
        assertThat(lot.get("onHand").decimalValue()).isEqualByComparingTo(new BigDecimal("20").subtract(drawnMl));
        assertThat(lot.get("openDraws").asInt()).isZero();
        BigDecimal lotAdministeredMg = BigDecimal.ZERO;
        for (JsonNode movement : http.get(
                        "/api/practices/" + stock.practice + stock.lotPath("safe-1", "CRS") + "/movements?limit=1000")
                .key(stock.writer)
                .send()
                .json()) {
            if (movement.get("movement").asText().equals("ADMINISTERED")) {
                lotAdministeredMg =
                        lotAdministeredMg.add(movement.get("milligrams").decimalValue());
            }
        }
        BigDecimal recordMg = BigDecimal.ZERO;
        int therapySessions = 0;
        JsonNode timeline = http.get(
                        "/api/practices/" + stock.practice + client + "/timeline?limit=500&atLeastPosition="
                                + last.get("ledgerPosition").asLong())
                .key(stock.writer)
                .send()
                .json();
        for (JsonNode entry : timeline.get("entries")) {
            if (entry.get("eventType").asText().equals("DoseAdministered")) {
                recordMg = recordMg.add(entry.get("details").get("milligrams").decimalValue());
            }
            if (entry.get("eventType").asText().equals("TherapySessionRecorded")) {
                therapySessions++;
            }
        }
        assertThat(administeredMg).isEqualByComparingTo("315");
        assertThat(lotAdministeredMg).isEqualByComparingTo(administeredMg);
        assertThat(recordMg).isEqualByComparingTo(administeredMg);
        assertThat(therapySessions)
                .as("two preparation and five integration sessions")
                .isEqualTo(7);
    }

    private Instant at(int minutesFromBase) {
        return base.plus(Duration.ofMinutes(minutesFromBase));
    }

    private void openSession(String session, int start) {
        created(stock.post(
                "/sessions",
                "{\"sessionId\":\"" + session + "\",\"clientId\":\"" + stock.client
                        + "\",\"substance\":\"KETAMINE\",\"scheduledFor\":\"" + at(start) + "\"}"));
        created(stock.post(
                "/sessions/" + session + "/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + at(start) + "\"}"));
        created(stock.post(
                "/sessions/" + session + "/vitals",
                "{\"systolicMmHg\":128,\"diastolicMmHg\":82,\"heartRateBpm\":74,\"spo2Percent\":98,"
                        + "\"takenBy\":\"rn-2\",\"takenAt\":\"" + at(start + 3) + "\"}"));
    }

    private String draw(String session, String millilitres, int minute) {
        return created(stock.post(
                        stock.lotPath("safe-1", "CRS") + "/draws",
                        "{\"quantity\":{\"amount\":\"" + millilitres + "\",\"unit\":\"ML\"},\"clientId\":\""
                                + stock.client + "\",\"sessionId\":\"" + session + "\",\"drawnBy\":\"rn-1\","
                                + "\"occurredAt\":\"" + at(minute) + "\"}"))
                .get("id")
                .asText();
    }

    private Http.Response administer(String drawId, String millilitres, int minute, String override) {
        return stock.post(
                stock.lotPath("safe-1", "CRS") + "/draws/" + drawId + "/administrations",
                "{\"quantity\":{\"amount\":\"" + millilitres + "\",\"unit\":\"ML\"},\"route\":\"IM\","
                        + "\"administeredBy\":\"rn-1\",\"occurredAt\":\"" + at(minute) + "\"" + override + "}");
    }

    private Http.Response waste(String drawId, String millilitres, int minute) {
        return stock.post(
                stock.lotPath("safe-1", "CRS") + "/draws/" + drawId + "/waste",
                "{\"quantity\":{\"amount\":\"" + millilitres + "\",\"unit\":\"ML\"},\"method\":\"expelled into"
                        + " drug disposal container\",\"wastedBy\":\"rn-1\",\"witnessedBy\":\"rn-2\",\"occurredAt\":\""
                        + at(minute) + "\"}");
    }

    private Http.Response therapy(String kind, String dosingSession, Instant at) {
        return stock.post(
                "/clients/" + stock.client + "/therapy-sessions",
                "{\"kind\":\"" + kind + "\",\"therapistId\":\"th-1\",\"dosingSessionId\":"
                        + (dosingSession == null ? "null" : "\"" + dosingSession + "\"")
                        + ",\"durationMinutes\":50,\"occurredAt\":\"" + at + "\"}");
    }
}
