package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

class AuthorizationEndToEndTest extends EndToEndTest {

    @Test
    void anApiCallWithoutAKeyIsA401() {
        Http.Response response = http.get("/api/admin/api-keys").send();

        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void aMadeUpKeyIsA401() {
        String forged = "dlk.0123456789abcdef." + "A".repeat(43);

        assertProblem(http.get("/api/admin/api-keys").key(forged).send(), 401, "UNAUTHENTICATED");
        assertProblem(http.get("/api/admin/api-keys").key("not-a-key").send(), 401, "UNAUTHENTICATED");
    }

    @Test
    void aKnownKeyIdWithAWrongSecretIsA401() {
        String tampered = adminKey.substring(0, adminKey.length() - 4) + "AAAA";

        assertProblem(http.get("/api/admin/api-keys").key(tampered).send(), 401, "UNAUTHENTICATED");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String keyId = writer.split("\\.")[1];
        String client = newClient(practice, writer);

        Http.Response revoked = http.post("/api/admin/api-keys/" + keyId + "/revocation")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"reason\":\"device lost\"}")
                .send();

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        assertProblem(
                http.get("/api/practices/" + practice + "/clients/" + client + "/timeline")
                        .key(writer)
                        .send(),
                401,
                "UNAUTHENTICATED");
        Http.Response listed =
                http.get("/api/admin/api-keys/" + keyId).key(adminKey).send();
        assertThat(listed.json().get("revokedAt").asText()).isNotBlank();
        assertThat(listed.text()).doesNotContain("secret");
    }

    @Test
    void aKeyCannotBeRevokedTwice() {
        String keyId = issueKey("REGULATOR", newPractice()).split("\\.")[1];
        String path = "/api/admin/api-keys/" + keyId + "/revocation";
        http.post(path)
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"reason\":\"done\"}")
                .send();

        Http.Response again = http.post(path)
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"reason\":\"again\"}")
                .send();

        assertProblem(again, 409, "API_KEY_ALREADY_REVOKED");
    }

    @Test
    void revokingAnUnknownKeyIsA404() {
        Http.Response response = http.post("/api/admin/api-keys/0123456789abcdef/revocation")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"reason\":\"done\"}")
                .send();

        assertProblem(response, 404, "API_KEY_NOT_FOUND");
    }

    @Test
    void aKeyForAnUnknownPracticeIsNotIssued() {
        Http.Response response = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"role\":\"PRACTICE_WRITER\",\"practiceId\":\"no-such-practice\",\"label\":\"x\"}")
                .send();

        assertProblem(response, 404, "PRACTICE_NOT_FOUND");
    }

    @Test
    void aPracticeScopedKeyNeedsAPracticeAndAnAdminKeyHasNone() {
        Http.Response unscoped = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"role\":\"COMPLIANCE_OFFICER\",\"label\":\"x\"}")
                .send();
        Http.Response scopedAdmin = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"role\":\"ADMIN\",\"practiceId\":\"" + newPractice() + "\",\"label\":\"x\"}")
                .send();

        assertProblem(unscoped, 400, "VALIDATION_FAILED");
        assertProblem(scopedAdmin, 400, "VALIDATION_FAILED");
    }

    @Test
    void practiceSoftwareCannotManageKeysOrPractices() {
        String writer = issueKey("PRACTICE_WRITER", newPractice());

        assertProblem(http.get("/api/admin/api-keys").key(writer).send(), 403, "FORBIDDEN");
        assertProblem(
                http.post("/api/practices")
                        .key(writer)
                        .idempotencyKey(unique("idem"))
                        .body(Bodies.practice(unique("practice")))
                        .send(),
                403,
                "FORBIDDEN");
    }

    @Test
    void onlyPracticeSoftwareWritesClinicalFacts() {
        String practice = newPractice();
        for (String role : new String[] {"COMPLIANCE_OFFICER", "REGULATOR"}) {
            Http.Response response = http.post("/api/practices/" + practice + "/clients")
                    .key(issueKey(role, practice))
                    .idempotencyKey(unique("idem"))
                    .body(Bodies.client(unique("client"), "2026-11-20T15:00:00Z"))
                    .send();
            assertProblem(response, 403, "FORBIDDEN");
        }
        Http.Response admin = http.post("/api/practices/" + practice + "/clients")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.client(unique("client"), "2026-11-20T15:00:00Z"))
                .send();
        assertProblem(admin, 403, "FORBIDDEN");
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedBeforeItsBodyIsRead() {
        String practice = newPractice();
        long before = eventRows();

        Http.Response response = http.post("/api/practices/" + practice + "/clients")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{}")
                .send();

        assertProblem(response, 403, "FORBIDDEN");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void anAdminReadsNoClinicalData() {
        String practice = newPractice();
        String client = newClient(practice, issueKey("PRACTICE_WRITER", practice));

        assertProblem(
                http.get("/api/practices/" + practice + "/clients/" + client + "/timeline")
                        .key(adminKey)
                        .send(),
                403,
                "FORBIDDEN");
    }

    @Test
    void complianceOfficersAndRegulatorsOfThePracticeReadTheTimeline() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        long position = recordConsent(practice, client, writer, "2026-11-20T15:30:00Z")
                .get("ledgerPosition")
                .asLong();

        for (String role : new String[] {"COMPLIANCE_OFFICER", "REGULATOR"}) {
            assertThat(timeline(practice, client, issueKey(role, practice), position)
                            .get("total")
                            .asLong())
                    .isEqualTo(2);
        }
    }

    @Test
    void anotherPracticesCredentialSeesNothingNotEvenExistence() {
        String practice = newPractice();
        String client = newClient(practice, issueKey("PRACTICE_WRITER", practice));
        String otherPractice = newPractice();
        String outsider = issueKey("PRACTICE_WRITER", otherPractice);

        assertProblem(
                http.get("/api/practices/" + practice + "/clients/" + client + "/timeline")
                        .key(outsider)
                        .send(),
                404,
                "PRACTICE_NOT_FOUND");
        assertProblem(http.get("/api/practices/" + practice).key(outsider).send(), 404, "PRACTICE_NOT_FOUND");
        assertProblem(
                http.post("/api/practices/" + practice + "/clients/" + client + "/consents")
                        .key(outsider)
                        .idempotencyKey(unique("idem"))
                        .body(Bodies.consent("2026-11-20T15:30:00Z"))
                        .send(),
                404,
                "PRACTICE_NOT_FOUND");
        assertProblem(
                http.get("/api/practices/" + practice + "/clients/" + client + "/timeline")
                        .key(issueKey("REGULATOR", otherPractice))
                        .send(),
                404,
                "PRACTICE_NOT_FOUND");
    }

    @Test
    void aCredentialReadsItsOwnPractice() {
        String practice = newPractice();

        Http.Response own = http.get("/api/practices/" + practice)
                .key(issueKey("COMPLIANCE_OFFICER", practice))
                .send();
        Http.Response asAdmin =
                http.get("/api/practices/" + practice).key(adminKey).send();

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("deaNumber").asText()).isEqualTo(Bodies.deaNumberOf(practice));
        assertThat(asAdmin.status()).isEqualTo(200);
    }

    @Test
    void keyListingsNeverShowSecretsOrHashes() {
        issueKey("REGULATOR", newPractice());

        Http.Response listing = http.get("/api/admin/api-keys").key(adminKey).send();

        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.json().size()).isGreaterThanOrEqualTo(2);
        assertThat(listing.text()).doesNotContain("secret").doesNotContain("dlk.");
    }
}
