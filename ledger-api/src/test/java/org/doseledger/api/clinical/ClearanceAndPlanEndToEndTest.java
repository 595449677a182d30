package org.doseledger.api.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClearanceAndPlanEndToEndTest extends EndToEndTest {

    private static final String TERMS = """
            {"dosingSessions":6,"preparationSessions":2,"integrationSessions":6,"route":"IM",
             "minDose":40,"maxDose":90,"maxSingleDose":100,"minIntervalDays":6}
            """;

    private StockFixture stock;
    private String base;

    @BeforeEach
    void aClientWithItsPractitioners() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        base = "/clients/" + stock.client;
    }

    @Test
    void clearanceAndPlanAreOnTheClientsRecordAndThePlanIsAmendedNotReplaced() {
        created(stock.post(base + "/clearances", """
                {"source":"OUTSIDE_CLINICIAN","clinician":"Dr. Ana Reyes, primary care","clearedAt":"%s",
                 "maxSystolicMmHg":150,"maxDiastolicMmHg":95}
                """.formatted(StockFixture.now())));
        JsonNode plan = created(stock.post(
                base + "/treatment-plans",
                "{\"terms\":" + TERMS + ",\"approvedBy\":\"md-1\",\"occurredAt\":\"" + StockFixture.now() + "\"}"));
        Http.Response second = stock.post(
                base + "/treatment-plans",
                "{\"terms\":" + TERMS + ",\"approvedBy\":\"md-1\",\"occurredAt\":\"" + StockFixture.now() + "\"}");
        JsonNode amended = created(stock.post(
                base + "/treatment-plans/" + plan.get("id").asText() + "/amendments",
                "{\"terms\":" + TERMS + ",\"reason\":\"tolerance\",\"approvedBy\":\"md-1\",\"occurredAt\":\""
                        + StockFixture.now() + "\"}"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("TREATMENT_PLAN_ALREADY_ACTIVE");
        List<String> types = new ArrayList<>();
        timeline(
                        stock.practice,
                        stock.client,
                        stock.writer,
                        amended.get("ledgerPosition").asLong())
                .get("entries")
                .forEach(entry -> types.add(entry.get("eventType").asText()));
        assertThat(types).contains("MedicalClearanceRecorded", "TreatmentPlanApproved", "TreatmentPlanAmended");
    }

    @Test
    void aPlanMayLeaveOutItsOptionalCounts() {
        Http.Response withoutCounts = stock.post(base + "/treatment-plans", """
                {"terms":{"dosingSessions":6,"route":"IM","minDose":40,"maxDose":90,"maxSingleDose":100},
                 "approvedBy":"md-1","occurredAt":"%s"}
                """.formatted(StockFixture.now()));
        Http.Response withoutSessions = stock.post(base + "/treatment-plans", """
                {"terms":{"route":"IM","minDose":40,"maxDose":90,"maxSingleDose":100},
                 "approvedBy":"md-1","occurredAt":"%s"}
                """.formatted(StockFixture.now()));

        assertThat(withoutCounts.status()).as(withoutCounts.toString()).isEqualTo(201);
        assertThat(withoutSessions.status()).isEqualTo(400);
        assertThat(withoutSessions.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(withoutSessions.toString()).contains("dosingSessions");
    }

    @Test
    void aNurseCannotApproveAPlanAndAnInvertedRangeIsRefused() {
        Http.Response byNurse = stock.post(
                base + "/treatment-plans",
                "{\"terms\":" + TERMS + ",\"approvedBy\":\"rn-1\",\"occurredAt\":\"" + StockFixture.now() + "\"}");
        Http.Response inverted = stock.post(
                base + "/treatment-plans",
                "{\"terms\":" + TERMS.replace("\"minDose\":40", "\"minDose\":95") + ",\"approvedBy\":\"md-1\","
                        + "\"occurredAt\":\"" + StockFixture.now() + "\"}");
        Http.Response inHouseWithoutPrescriber = stock.post(
                base + "/clearances",
                "{\"source\":\"IN_HOUSE_PRESCRIBER\",\"clinician\":\"x\",\"clearedAt\":\"" + StockFixture.now()
                        + "\"}");

        assertThat(byNurse.json().get("code").asText()).isEqualTo("PRACTITIONER_NOT_AUTHORIZED");
        assertThat(inverted.json().get("code").asText()).isEqualTo("TREATMENT_PLAN_INCONSISTENT");
        assertThat(inHouseWithoutPrescriber.status()).isEqualTo(400);
    }

    @Test
    void aDoseAboveThePlanNeedsASecondPrescribersApprovalAndCarriesItsFlag() {
        created(stock.post(
                base + "/treatment-plans",
                "{\"terms\":" + TERMS.replace("\"maxSingleDose\":100", "\"maxSingleDose\":80")
                        + ",\"approvedBy\":\"md-1\",\"occurredAt\":\"" + StockFixture.now() + "\"}"));
        created(stock.receive("safe-1", "PL", 1, "2027-06-30"));
        String drawId =
                created(stock.draw("safe-1", "PL", "2", "rn-1")).get("id").asText();
        String path = stock.lotPath("safe-1", "PL") + "/draws/" + drawId + "/administrations";
        String dose = """
                {"quantity":{"amount":"2","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"%s}
                """;

        Http.Response refused = stock.post(path, dose.formatted(StockFixture.now(), ""));
        JsonNode approved = created(stock.post(
                path,
                dose.formatted(
                        StockFixture.now(),
                        ",\"override\":{\"rationale\":\"no response at 80 mg\",\"approvedBy\":\"md-1\"}")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("DOSE_OUTSIDE_PLAN");
        assertThat(refused.json().get("detail").asText()).contains("ABOVE_PLAN_MAXIMUM");
        JsonNode movements = http.get("/api/practices/" + stock.practice + stock.lotPath("safe-1", "PL")
                        + "/movements?atLeastPosition="
                        + approved.get("ledgerPosition").asLong())
                .key(stock.writer)
                .send()
                .json();
        JsonNode administered = null;
        for (JsonNode movement : movements) {
            if (movement.get("movement").asText().equals("ADMINISTERED")) {
                administered = movement;
            }
        }
        assertThat(administered).isNotNull();
        assertThat(administered.get("details").get("planFlags").get(0).asText()).isEqualTo("ABOVE_PLAN_MAXIMUM");
        assertThat(administered.get("details").get("override").get("approvedBy").asText())
                .isEqualTo("md-1");
    }

    @Test
    void whereThePracticeRequiresAClearanceNoDoseIsGivenWithoutOne() {
        created(http.post("/api/practices/" + stock.practice + "/policies")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(
                        "{\"requireMedicalClearance\":true,\"doseIncreaseLimitPercent\":25,\"requireTreatmentPlan\":false}")
                .send());
        created(stock.receive("safe-1", "CL", 1, "2027-06-30"));

        // no stock leaves the safe for a client who cannot be dosed
        Http.Response withoutClearance = stock.draw("safe-1", "CL", "1", "rn-1");
        created(stock.post(base + "/clearances", """
                {"source":"IN_HOUSE_PRESCRIBER","practitionerId":"md-1","clinician":"Dr. Grace Hopper",
                 "clearedAt":"%s"}
                """.formatted(
                java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
        String drawId =
                created(stock.draw("safe-1", "CL", "1", "rn-1")).get("id").asText();
        Http.Response cleared = stock.administer("safe-1", "CL", drawId, "1");

        assertThat(withoutClearance.status()).isEqualTo(409);
        assertThat(withoutClearance.json().get("code").asText()).isEqualTo("NO_VALID_CLEARANCE");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(201);
        assertThat(http.get("/api/practices/" + stock.practice)
                        .key(adminKey)
                        .send()
                        .json()
                        .get("policies")
                        .get("requireMedicalClearance")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aConsentWithoutExpiryExpiresAfterThePracticesValidityPeriod() {
        Http.Response negative = http.post("/api/practices/" + stock.practice + "/policies")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"requireMedicalClearance\":false,\"doseIncreaseLimitPercent\":25,\"consentValidityDays\":-1}")
                .send();
        Http.Response widened = setPolicies(stock.practice, "{\"lateEntryWindowHours\":48}");
        created(http.post("/api/practices/" + stock.practice + "/policies")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("""
                        {"requireMedicalClearance":false,"doseIncreaseLimitPercent":25,
                         "lateEntryWindowHours":12,"consentValidityDays":30,"requireTreatmentPlan":false}
                        """)
                .send());
        String signedAt = StockFixture.now();
        JsonNode consent = created(stock.post(base + "/consents", """
                {"document":{"documentId":"KAP-INTEGRATION-CONSENT","version":"1","revisionDate":"2026-01-15"},
                 "signedAt":"%s","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                 "risksAcknowledged":["dissociation"],"routes":["IM"],"careModels":["ADMINISTERED"]}
                """.formatted(signedAt)));

        assertThat(negative.status()).isEqualTo(400);
        JsonNode policies = http.get("/api/practices/" + stock.practice)
                .key(adminKey)
                .send()
                .json()
                .get("policies");
        assertThat(widened.status())
                .as("the 24-hour late-entry floor holds whatever the policy")
                .isEqualTo(400);
        assertThat(policies.get("lateEntryWindowHours").asInt()).isEqualTo(12);
        assertThat(policies.get("consentValidityDays").asInt()).isEqualTo(30);
        JsonNode signed = null;
        for (JsonNode entry : timeline(
                        stock.practice,
                        stock.client,
                        stock.writer,
                        consent.get("ledgerPosition").asLong())
                .get("entries")) {
            if (entry.get("eventType").asText().equals("ConsentSigned")
                    && entry.get("details")
                            .get("document")
                            .get("documentId")
                            .asText()
                            .equals("KAP-INTEGRATION-CONSENT")) {
                signed = entry;
            }
        }
        assertThat(signed).isNotNull();
        assertThat(java.time.Instant.parse(
                        signed.get("details").get("expiresAt").asText()))
                .isEqualTo(java.time.Instant.parse(signedAt).plus(java.time.Duration.ofDays(30)));
    }

    @Test
    void aPlanInMgPerKgNeedsTheClientsWeightAndScalesWithIt() {
        created(stock.post(base + "/treatment-plans", """
                {"terms":{"dosingSessions":6,"preparationSessions":2,"integrationSessions":6,"route":"IM",
                  "minDose":0.5,"maxDose":1.0,"maxSingleDose":1.2,"minIntervalDays":6,"doseBasis":"MG_PER_KG"},
                 "approvedBy":"md-1","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        created(stock.receive("safe-1", "KG", 1, "2027-06-30"));
        String drawId =
                created(stock.draw("safe-1", "KG", "2", "rn-1")).get("id").asText();
        String path = stock.lotPath("safe-1", "KG") + "/draws/" + drawId + "/administrations";
        String dose = """
                {"quantity":{"amount":"2","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"}
                """;

        Http.Response unweighed = stock.post(path, dose.formatted(StockFixture.now()));
        created(stock.post(
                base + "/weights",
                "{\"kilograms\":100,\"measuredBy\":\"rn-1\",\"occurredAt\":\""
                        + java.time.Instant.now()
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .minusSeconds(120)
                        + "\"}"));
        Http.Response weighed = stock.post(path, dose.formatted(StockFixture.now()));

        assertThat(unweighed.status()).isEqualTo(409);
        assertThat(unweighed.json().get("code").asText()).isEqualTo("NO_WEIGHT_ON_RECORD");
        // 2 mL of 50 mg/mL is 100 mg: 1.0 mg/kg for 100 kg, the top of the range, so no flags
        assertThat(weighed.status()).as(weighed.toString()).isEqualTo(201);
    }
}
