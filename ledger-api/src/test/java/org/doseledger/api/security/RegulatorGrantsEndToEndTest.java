package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

/** A regulator's key reads the practices an admin granted it, one by one, and no others. */
class RegulatorGrantsEndToEndTest extends EndToEndTest {

    @Test
    void aRegulatorKeyReadsAPracticeFromItsGrantUntilItsWithdrawal() {
        String practice = newPractice();
        String regulator = issueRegulatorKeyWithoutPractice();
        String keyId = regulator.split("\\.")[1];

        assertProblem(http.get("/api/practices/" + practice).key(regulator).send(), 404, "PRACTICE_NOT_FOUND");

        assertThat(grant(keyId, practice).status()).isEqualTo(201);
        assertThat(http.get("/api/practices/" + practice).key(regulator).send().status())
                .isEqualTo(200);
        assertThat(http.get("/api/admin/api-keys/" + keyId)
                        .key(adminKey)
                        .send()
                        .json()
                        .get("grantedPractices")
                        .get(0)
                        .asText())
                .isEqualTo(practice);

        Http.Response withdrawn = http.post(
                        "/api/admin/api-keys/" + keyId + "/practice-grants/" + practice + "/withdrawal")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"reason\":\"case closed\"}")
                .send();
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(201);
        assertProblem(http.get("/api/practices/" + practice).key(regulator).send(), 404, "PRACTICE_NOT_FOUND");
    }

    @Test
    void aKeyIssuedForAPracticeHasItAsItsFirstGrantAndGetsMore() {
        String first = newPractice();
        String second = newPractice();
        String regulator = issueKey("REGULATOR", first);

        assertThat(grant(regulator.split("\\.")[1], second).status()).isEqualTo(201);

        assertThat(http.get("/api/practices/" + first).key(regulator).send().status())
                .isEqualTo(200);
        assertThat(http.get("/api/practices/" + second).key(regulator).send().status())
                .isEqualTo(200);
    }

    @Test
    void grantsAreRefusedWithAReason() {
        String practice = newPractice();
        String regulatorId = issueKey("REGULATOR", practice).split("\\.")[1];
        String officerId = issueKey("COMPLIANCE_OFFICER", practice).split("\\.")[1];
        String another = newPractice();
        long before = eventRows();

        assertProblem(grant(regulatorId, practice), 409, "PRACTICE_ALREADY_GRANTED");
        assertProblem(grant(officerId, another), 409, "PRACTICE_GRANT_NOT_REGULATOR");
        assertProblem(grant(regulatorId, "no-such-practice"), 404, "PRACTICE_NOT_FOUND");
        assertProblem(grant("00000000000000aa", practice), 404, "API_KEY_NOT_FOUND");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void onlyAnAdminGrants() {
        String practice = newPractice();
        String regulator = issueKey("REGULATOR", practice);

        Http.Response selfGranted = http.post("/api/admin/api-keys/" + regulator.split("\\.")[1] + "/practice-grants")
                .key(regulator)
                .idempotencyKey(unique("idem"))
                .body("{\"practiceId\":\"" + newPractice() + "\",\"reason\":\"curious\"}")
                .send();

        assertProblem(selfGranted, 403, "FORBIDDEN");
    }

    private String issueRegulatorKeyWithoutPractice() {
        Http.Response response = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"role\":\"REGULATOR\",\"label\":\"state board investigator\"}")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("apiKey").asText();
    }

    private Http.Response grant(String keyId, String practice) {
        return http.post("/api/admin/api-keys/" + keyId + "/practice-grants")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"practiceId\":\"" + practice + "\",\"reason\":\"subpoena 2026-118\"}")
                .send();
    }
}
