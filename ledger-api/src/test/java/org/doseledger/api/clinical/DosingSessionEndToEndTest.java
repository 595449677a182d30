package org.doseledger.api.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DosingSessionEndToEndTest extends EndToEndTest {

    private StockFixture stock;

    @BeforeEach
    void aClientReadyForDosing() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        created(stock.receiveYesterday("safe-1", "SE", 1, "2027-06-30"));
        // the sessions below started up to 90 minutes ago; the consent was signed before them
        created(stock.post("/clients/" + stock.client + "/consents", """
                {"document":{"documentId":"KAP-SESSION-CONSENT","version":"1","revisionDate":"2026-01-15"},
                 "signedAt":"%s","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                 "risksAcknowledged":["dissociation"],"routes":["IM"],"careModels":["ADMINISTERED"]}
                """.formatted(
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3)))));
    }

    @Test
    void aSessionFromSchedulingToDischargeWithItsDoseIsOnTheClientsTimeline() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(90));
        created(schedule("s-1", "KETAMINE", start));
        created(stock.post(
                "/sessions/s-1/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
        created(stock.post("/sessions/s-1/vitals", vitals(start.plus(Duration.ofMinutes(5)))));
        String drawId = created(stock.post(stock.lotPath("safe-1", "SE") + "/draws", """
                        {"quantity":{"amount":"1.5","unit":"ML"},"clientId":"%s","sessionId":"s-1","drawnBy":"rn-1",
                         "occurredAt":"%s"}
                        """.formatted(
                                stock.client, start.plus(Duration.ofMinutes(6)))))
                .get("id")
                .asText();
        created(stock.post(stock.lotPath("safe-1", "SE") + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"1.5","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"}
                """.formatted(
                        start.plus(Duration.ofMinutes(7)))));
        created(stock.post("/sessions/s-1/observations", """
                {"kind":"ADVERSE_EVENT","severity":"MILD","description":"nausea","actionTaken":"ondansetron 4 mg",
                 "recordedBy":"rn-2","occurredAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(30)))));
        JsonNode discharged =
                created(stock.post("/sessions/s-1/discharge", """
                {"criteriaMet":true,"escort":"partner","dischargedBy":"rn-2","dischargedAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(80)))));

        List<String> types = new ArrayList<>();
        timeline(
                        stock.practice,
                        stock.client,
                        stock.writer,
                        discharged.get("ledgerPosition").asLong())
                .get("entries")
                .forEach(entry -> types.add(entry.get("eventType").asText()));
        assertThat(types)
                .containsSubsequence(
                        "DosingSessionStarted",
                        "VitalsRecorded",
                        "DoseDrawn",
                        "DoseAdministered",
                        "ObservationRecorded",
                        "ClientDischarged");
    }

    @Test
    void aSpravatoClientIsNotDischargedBeforeTwoHoursOfMonitoring() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(90));
        created(schedule("s-2", "ESKETAMINE", start));
        created(stock.post(
                "/sessions/s-2/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
        created(stock.post("/sessions/s-2/vitals", vitals(start.plus(Duration.ofMinutes(5)))));
        created(stock.post("/sessions/s-2/vitals", vitals(start.plus(Duration.ofMinutes(40)))));

        Http.Response early = stock.post("/sessions/s-2/discharge", """
                {"criteriaMet":true,"escort":"partner","dischargedBy":"rn-2","dischargedAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(85))));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asText()).isEqualTo("SPRAVATO_MONITORING_INCOMPLETE");
    }

    @Test
    void theRemsFormOfAMonitoredSpravatoSessionRecordsItsAssessments() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(150));
        created(schedule("s-4", "ESKETAMINE", start));
        created(stock.post(
                "/sessions/s-4/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
        for (int minutes : new int[] {5, 40, 125}) {
            created(stock.post("/sessions/s-4/vitals", vitals(start.plus(Duration.ofMinutes(minutes)))));
        }
        created(stock.post("/sessions/s-4/discharge", """
                {"criteriaMet":true,"escort":"partner","dischargedBy":"rn-2","dischargedAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(130)))));
        Instant submitted = start.plus(Duration.ofMinutes(140));

        Http.Response unanswered = stock.post("/sessions/s-4/rems-form", """
                {"confirmationNumber":"REMS-1","sedation":true,"dissociation":false,"submittedBy":"rn-2",
                 "occurredAt":"%s"}
                """.formatted(submitted));
        JsonNode recorded = created(stock.post("/sessions/s-4/rems-form", """
                {"confirmationNumber":"REMS-1","sedation":true,"dissociation":false,"respiratoryDepression":false,
                 "vitalSignsAcceptableBeforeAdministration":true,"vitalSignsAcceptableAtCompletion":true,
                 "readyToLeaveAfterMinutes":95,"submittedBy":"rn-2","occurredAt":"%s"}
                """.formatted(submitted)));

        assertThat(unanswered.status()).as(unanswered.toString()).isEqualTo(400);
        assertThat(unanswered.toString()).contains("respiratoryDepression");
        JsonNode form = null;
        for (JsonNode entry : timeline(
                        stock.practice,
                        stock.client,
                        stock.writer,
                        recorded.get("ledgerPosition").asLong())
                .get("entries")) {
            if (entry.get("eventType").asText().equals("RemsFormSubmitted")) {
                form = entry.get("details");
            }
        }
        assertThat(form).isNotNull();
        assertThat(form.get("confirmationNumber").asText()).isEqualTo("REMS-1");
        assertThat(form.get("sedation").asBoolean()).isTrue();
        assertThat(form.get("dissociation").asBoolean()).isFalse();
        assertThat(form.get("respiratoryDepression").isBoolean()).isTrue();
        assertThat(form.get("respiratoryDepression").asBoolean()).isFalse();
        assertThat(form.get("vitalSignsAcceptableAtCompletion").asBoolean()).isTrue();
        assertThat(form.get("readyToLeaveAfterMinutes").asInt()).isEqualTo(95);
    }

    @Test
    void spravatoMonitoringIsTimedFromTheDoseNotFromTheSessionsStart() {
        String spravato = "50458-0028-02";
        created(stock.post("/products", """
                {"ndc":"%s","name":"Spravato 28 mg","substance":"ESKETAMINE","dosageForm":"NASAL_SPRAY",
                 "finishedForm":"esketamine nasal spray 28 mg","unit":"DEVICE","milligramsPerUnit":28,
                 "containerSize":1,"occurredAt":"%s"}
                """.formatted(spravato, StockFixture.inUseSince())));
        String lot = "/stock/lots/safe-1/" + spravato + "/SP1";
        created(stock.post(lot + "/receipts", """
                {"expiresOn":"2027-06-30","containers":6,"invoiceNumber":"INV-SP1",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"}
                """.formatted(
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(23)))));
        created(stock.post("/clients/" + stock.client + "/consents", """
                {"document":{"documentId":"SPRAVATO-CONSENT","version":"1","revisionDate":"2026-01-15"},
                 "signedAt":"%s","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                 "risksAcknowledged":["sedation","dissociation"],"routes":["INTRANASAL"],
                 "careModels":["ADMINISTERED"]}
                """.formatted(
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(5)))));
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(200));

        // the REMS record: blood pressure before the dose given an hour in, about 40 minutes after it,
        // and at the end of two hours after it
        created(schedule("sp-1", "ESKETAMINE", start));
        created(stock.post(
                "/sessions/sp-1/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
        created(stock.post("/sessions/sp-1/vitals", vitals(start.plus(Duration.ofMinutes(50)))));
        String drawId = created(
                        stock.post(lot + "/draws", """
                        {"quantity":{"amount":"2","unit":"DEVICE"},"clientId":"%s","sessionId":"sp-1",
                         "drawnBy":"rn-1","occurredAt":"%s"}
                        """.formatted(stock.client, start.plus(Duration.ofMinutes(55)))))
                .get("id")
                .asText();
        created(stock.post(
                lot + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"2","unit":"DEVICE"},"route":"INTRANASAL","administeredBy":"rn-1",
                 "occurredAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(60)))));
        created(stock.post("/sessions/sp-1/vitals", vitals(start.plus(Duration.ofMinutes(100)))));
        Http.Response tooSoon =
                stock.post("/sessions/sp-1/discharge", """
                {"criteriaMet":true,"escort":"partner","dischargedBy":"rn-2","dischargedAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(121))));
        created(stock.post("/sessions/sp-1/vitals", vitals(start.plus(Duration.ofMinutes(175)))));
        Http.Response monitored =
                stock.post("/sessions/sp-1/discharge", """
                {"criteriaMet":true,"escort":"partner","dischargedBy":"rn-2","dischargedAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(182))));

        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(409);
        assertThat(tooSoon.json().get("detail").asText()).contains("61 min after the dose");
        assertThat(monitored.status()).as(monitored.toString()).isEqualTo(201);
    }

    @Test
    void vitalsMayLeaveOutBloodPressureButNotEverything() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        created(schedule("s-v", "KETAMINE", start));
        created(stock.post(
                "/sessions/s-v/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));

        Http.Response pulseOnly = stock.post("/sessions/s-v/vitals", """
                {"heartRateBpm":74,"spo2Percent":98,"takenBy":"rn-2","takenAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(5))));
        Http.Response nothing = stock.post("/sessions/s-v/vitals", """
                {"takenBy":"rn-2","takenAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(6))));
        Http.Response halfABloodPressure =
                stock.post("/sessions/s-v/vitals", """
                {"systolicMmHg":128,"takenBy":"rn-2","takenAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(7))));

        assertThat(pulseOnly.status()).as(pulseOnly.toString()).isEqualTo(201);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(nothing.toString()).contains("at least one measurement");
        assertThat(halfABloodPressure.status()).isEqualTo(400);
        assertThat(halfABloodPressure.toString()).contains("diastolicMmHg");
    }

    @Test
    void aSessionRecordedAfterItWasDueIsScheduledNoLaterThanItsStart() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(45));
        JsonNode scheduled = created(stock.post("/sessions", """
                {"sessionId":"s-late","clientId":"%s","substance":"KETAMINE","scheduledFor":"%s"}
                """.formatted(stock.client, start)));
        created(stock.post(
                "/sessions/s-late/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
        JsonNode booked = created(stock.post("/sessions", """
                {"sessionId":"s-booked","clientId":"%s","substance":"KETAMINE","scheduledFor":"%s",
                 "occurredAt":"%s"}
                """.formatted(
                        stock.client,
                        Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS),
                        start.minus(Duration.ofDays(2)))));

        List<String> order = new ArrayList<>();
        JsonNode entries = timeline(
                        stock.practice,
                        stock.client,
                        stock.writer,
                        booked.get("ledgerPosition").asLong())
                .get("entries");
        entries.forEach(entry -> {
            String type = entry.get("eventType").asText();
            if (type.startsWith("DosingSession")) {
                order.add(type + " " + entry.get("details").get("sessionId").asText() + " "
                        + entry.get("occurredAt").asText());
            }
        });
        assertThat(scheduled.get("ledgerPosition").asLong()).isPositive();
        assertThat(order)
                .containsSubsequence(
                        "DosingSessionScheduled s-booked " + start.minus(Duration.ofDays(2)),
                        "DosingSessionScheduled s-late " + start,
                        "DosingSessionStarted s-late " + start);
    }

    @Test
    void aStartedSessionCannotBeCancelled() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        created(schedule("s-3", "KETAMINE", start));
        created(stock.post(
                "/sessions/s-3/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));

        Http.Response cancel =
                stock.post("/sessions/s-3/cancellation", "{\"reason\":\"x\",\"occurredAt\":\"" + start + "\"}");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("code").asText()).isEqualTo("SESSION_NOT_SCHEDULED");
    }

    @Test
    void aBloodPressureAboveTheClearanceBlocksTheDoseUntilAPrescriberOverrides() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        created(stock.post(
                "/clients/" + stock.client + "/clearances", """
                {"source":"OUTSIDE_CLINICIAN","clinician":"Dr. Reyes","clearedAt":"%s","maxSystolicMmHg":150,
                 "maxDiastolicMmHg":95}
                """.formatted(start.minus(Duration.ofHours(2)))));
        created(schedule("s-bp", "KETAMINE", start));
        created(stock.post(
                "/sessions/s-bp/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
        created(stock.post("/sessions/s-bp/vitals", """
                {"systolicMmHg":165,"diastolicMmHg":90,"heartRateBpm":80,"spo2Percent":98,"takenBy":"rn-2",
                 "takenAt":"%s"}
                """.formatted(start.plus(Duration.ofMinutes(3)))));
        String drawId = created(stock.post(stock.lotPath("safe-1", "SE") + "/draws", """
                        {"quantity":{"amount":"1","unit":"ML"},"clientId":"%s","sessionId":"s-bp","drawnBy":"rn-1",
                         "occurredAt":"%s"}
                        """.formatted(
                                stock.client, start.plus(Duration.ofMinutes(5)))))
                .get("id")
                .asText();
        String dose = """
                {"quantity":{"amount":"1","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"%s}
                """;
        String path = stock.lotPath("safe-1", "SE") + "/draws/" + drawId + "/administrations";

        Http.Response refused = stock.post(path, dose.formatted(start.plus(Duration.ofMinutes(6)), ""));
        Http.Response overridden = stock.post(
                path,
                dose.formatted(
                        start.plus(Duration.ofMinutes(7)),
                        ",\"override\":{\"rationale\":\"repeat reading 146/88\",\"approvedBy\":\"md-1\"}"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("BLOOD_PRESSURE_ABOVE_CLEARANCE");
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
    }

    private Http.Response schedule(String sessionId, String substance, Instant at) {
        return stock.post("/sessions", """
                {"sessionId":"%s","clientId":"%s","substance":"%s","scheduledFor":"%s"}
                """.formatted(sessionId, stock.client, substance, at));
    }

    private static String vitals(Instant at) {
        return """
                {"systolicMmHg":128,"diastolicMmHg":82,"heartRateBpm":74,"spo2Percent":98,"takenBy":"rn-2",
                 "takenAt":"%s"}
                """.formatted(at);
    }
}
