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
