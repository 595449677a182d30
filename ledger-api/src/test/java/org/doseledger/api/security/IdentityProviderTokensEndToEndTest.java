package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.TestTokens;
import org.junit.jupiter.api.Test;

/** Bearer tokens of the identity provider work beside API keys, with the same roles and tenants. */
class IdentityProviderTokensEndToEndTest extends EndToEndTest {

    @Test
    void aWriterTokenWritesForItsPracticeAndTheLedgerRecordsItsSubject() {
        String practice = newPractice();
        String token = TestTokens.of("ehr-integration@clinic", "PRACTICE_WRITER", practice);

        String client = newClient(practice, token);

        String credential = jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'credentialId' from domain_event_entry
                where aggregate_identifier like ? order by global_index desc limit 1
                """, String.class, "%" + client);
        assertThat(credential).isEqualTo("jwt:ehr-integration@clinic");
    }

    @Test
    void aTokenActsOnlyForItsPracticeAndRole() {
        String practice = newPractice();
        String other = newPractice();
        String officer = TestTokens.of("officer-1", "COMPLIANCE_OFFICER", practice);

        assertThat(http.get("/api/practices/" + practice).key(officer).send().status())
                .isEqualTo(200);
        assertProblem(http.get("/api/practices/" + other).key(officer).send(), 404, "PRACTICE_NOT_FOUND");
        assertProblem(
                http.post("/api/practices/" + practice + "/clients")
                        .key(officer)
                        .idempotencyKey(unique("idem"))
                        .body(Bodies.client(unique("client"), "2026-11-20T15:00:00Z"))
                        .send(),
                403,
                "FORBIDDEN");
    }

    @Test
    void aRegulatorTokenReadsExactlyThePracticesItsClaimGrants() {
        String first = newPractice();
        String second = newPractice();
        String notGranted = newPractice();
        String regulator = TestTokens.of("investigator-7", "REGULATOR", List.of(first, second));

        assertThat(http.get("/api/practices/" + first).key(regulator).send().status())
                .isEqualTo(200);
        assertThat(http.get("/api/practices/" + second).key(regulator).send().status())
                .isEqualTo(200);
        assertProblem(http.get("/api/practices/" + notGranted).key(regulator).send(), 404, "PRACTICE_NOT_FOUND");
    }

    @Test
    void anAdminTokenManagesKeys() {
        String admin = TestTokens.of("platform-admin", "ADMIN", null);

        assertThat(http.get("/api/admin/api-keys").key(admin).send().status()).isEqualTo(200);
    }

    @Test
    void aTokenTheServiceCannotTrustAuthenticatesNobody() {
        String practice = newPractice();
        String path = "/api/practices/" + practice;
        long expired = Instant.now().minusSeconds(3600).getEpochSecond();
        Map<String, Object> noRole = new HashMap<>();
        noRole.put("dose_ledger_practice", practice);

        List<String> untrusted = List.of(
                TestTokens.signedByStranger("officer-1", "COMPLIANCE_OFFICER", practice),
                TestTokens.with("officer-1", Map.of("dose_ledger_role", "COMPLIANCE_OFFICER", "exp", expired)),
                TestTokens.with(
                        "officer-1",
                        Map.of(
                                "dose_ledger_role",
                                "COMPLIANCE_OFFICER",
                                "dose_ledger_practice",
                                practice,
                                "iss",
                                "https://elsewhere.invalid")),
                TestTokens.with(
                        "officer-1",
                        Map.of(
                                "dose_ledger_role",
                                "COMPLIANCE_OFFICER",
                                "dose_ledger_practice",
                                practice,
                                "aud",
                                "another-service")),
                TestTokens.with("officer-1", noRole),
                TestTokens.of("officer-1", "SUPERUSER", practice),
                TestTokens.with(
                        "officer-1",
                        Map.of(
                                "dose_ledger_role",
                                List.of("COMPLIANCE_OFFICER", "ADMIN"),
                                "dose_ledger_practice",
                                practice)),
                TestTokens.of("officer-1", "COMPLIANCE_OFFICER", List.of(practice, newPractice())),
                TestTokens.of("officer-1", "COMPLIANCE_OFFICER", null),
                TestTokens.of("admin-1", "ADMIN", practice),
                TestTokens.of("officer-1", "COMPLIANCE_OFFICER", "not a practice id!"),
                "not.a.token");

        for (String token : untrusted) {
            Http.Response response = http.get(path).key(token).send();
            assertProblem(response, 401, "UNAUTHENTICATED");
            assertThat(response.header("WWW-Authenticate")).contains("Bearer");
        }
    }

    @Test
    void aTokenWithoutExpiryAuthenticatesNobody() {
        String practice = newPractice();
        Map<String, Object> noExpiry = new HashMap<>();
        noExpiry.put("dose_ledger_role", "COMPLIANCE_OFFICER");
        noExpiry.put("dose_ledger_practice", practice);
        noExpiry.put("exp", null);

        Http.Response response = http.get("/api/practices/" + practice)
                .key(TestTokens.with("officer-1", noExpiry))
                .send();

        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.json().get("detail").asText()).contains("exp");
    }

    @Test
    void plainTokensAndRfc9068AccessTokensAreAcceptedInAnyCase() {
        String practice = newPractice();
        List<String> types = Arrays.asList(
                null, "JWT", "jwt", "application/jwt", "at+jwt", "AT+JWT", "At+Jwt", "application/at+jwt");

        Map<String, Integer> statusByType = new LinkedHashMap<>();
        for (String type : types) {
            statusByType.put(
                    String.valueOf(type),
                    http.get("/api/practices/" + practice)
                            .key(TestTokens.ofType(type, "officer-3", "COMPLIANCE_OFFICER", practice))
                            .send()
                            .status());
        }

        assertThat(statusByType)
                .allSatisfy(
                        (type, status) -> assertThat(status).as("typ " + type).isEqualTo(200));
    }

    @Test
    void aTokenOfAnotherTypeAuthenticatesNobody() {
        String practice = newPractice();

        for (String type : List.of("JOSE", "JOSE+JSON", "secevent+jwt", "dpop+jwt", "logout+jwt", "at+jwt+x", "")) {
            Http.Response response = http.get("/api/practices/" + practice)
                    .key(TestTokens.ofType(type, "officer-3", "COMPLIANCE_OFFICER", practice))
                    .send();

            assertProblem(response, 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void apiKeysAndTokensWorkSideBySide() {
        String practice = newPractice();
        String writerKey = issueKey("PRACTICE_WRITER", practice);
        String officerToken = TestTokens.of("officer-2", "COMPLIANCE_OFFICER", practice);
        String client = newClient(practice, writerKey);
        long position = recordConsent(practice, client, writerKey, "2026-11-20T15:30:00Z")
                .get("ledgerPosition")
                .asLong();

        assertThat(timeline(practice, client, officerToken, position)
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }
}
