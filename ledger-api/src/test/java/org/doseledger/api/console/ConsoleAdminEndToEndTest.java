package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The administrator's console: credentials, and the read models with a replay and a retry of dead letters.
 * A context of its own, because a replay empties a read model that other tests read.
 */
@TestPropertySource(properties = "ledger.test.isolated-context=console-admin")
class ConsoleAdminEndToEndTest extends EndToEndTest {

    @Test
    void anAdminSeesTheCredentialsAndTheReadModelsAndReplaysOneWithAReason() {
        ConsoleClient.Account admin = ConsoleClient.open(http, adminKey, "ADMIN", null);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(admin, admin.password(), Instant.now());

        ConsoleClient.Page home = browser.get("/console");
        ConsoleClient.Page readModels = browser.get("/console/admin/read-models");
        ConsoleClient.Page accessLog = browser.get("/console/admin/read-models/access-log");
        String replay = "/console/admin/read-models/access-log/replay";
        ConsoleClient.Page noReason =
                browser.post(replay, Map.of("reason", " ", "idempotencyKey", unique("k"), "_csrf", accessLog.csrf()));
        String noReasonMessage =
                browser.get("/console/admin/read-models/access-log").body();
        ConsoleClient.Page replayed = browser.post(
                replay,
                Map.of("reason", "checking the console", "idempotencyKey", unique("k"), "_csrf", accessLog.csrf()));
        String replayedMessage =
                browser.get("/console/admin/read-models/access-log").body();
        ConsoleClient.Page retried = browser.post(
                "/console/admin/read-models/access-log/dead-letters/retry",
                Map.of("reason", "checking the console", "idempotencyKey", unique("k"), "_csrf", accessLog.csrf()));

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(admin.keyId()).contains("console account " + admin.username());
        assertThat(readModels.body())
                .contains("stock-lots")
                .contains("access-log")
                .contains("audit-trail");
        assertThat(accessLog.status()).isEqualTo(200);
        assertThat(noReason.status()).isEqualTo(302);
        assertThat(noReasonMessage).contains("Say why").contains("Nothing was done");
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(replayedMessage).contains("The replay of access-log started");
        assertThat(retried.status()).isEqualTo(302);
        assertThat(browser.get("/console/admin/read-models/no-such-processor").status())
                .isEqualTo(404);
    }

    @Test
    void anAdminOpensAnAccountRevokesAKeyAndGrantsARegulatorAPracticeFromTheConsole() {
        String practice = newPractice();
        ConsoleClient.Account admin = ConsoleClient.open(http, adminKey, "ADMIN", null);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(admin, admin.password(), Instant.now());
        ConsoleClient.Page home = browser.get("/console");
        String username = unique("officer").toLowerCase();
        Map<String, String> form = Map.of(
                "username",
                username,
                "name",
                "R. Roe, compliance officer",
                "role",
                "COMPLIANCE_OFFICER",
                "practiceId",
                practice,
                "idempotencyKey",
                unique("k"),
                "_csrf",
                home.csrf());

        ConsoleClient.Page opened = browser.post("/console/admin/console-accounts", form);
        ConsoleClient.Page again = browser.post("/console/admin/console-accounts", form);

        assertThat(opened.status()).isEqualTo(200);
        String password = opened.body().replaceFirst("(?s).*id=\"initial-password\">([^<]+)<.*", "$1");
        String secret = opened.body().replaceFirst("(?s).*id=\"totp-secret\">([^<]+)<.*", "$1");
        assertThat(again.body()).contains("This form was sent before").doesNotContain(password);
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session_attributes"
                                + " where position(convert_to(?, 'UTF8') in attribute_bytes) > 0"
                                + " or position(convert_to(?, 'UTF8') in attribute_bytes) > 0",
                        Long.class,
                        password,
                        secret))
                .as("the new account's secrets in any session")
                .isZero();
        ConsoleClient officer = new ConsoleClient(port);
        assertThat(officer.signIn(username, password, Totp.code(Totp.fromBase32(secret), Instant.now()))
                        .location())
                .endsWith("/console");
        assertThat(officer.get("/console/practices/" + practice).status()).isEqualTo(200);

        String regulatorKey = issueKey("REGULATOR", null);
        String regulatorId = regulatorKey.split("\\.")[1];
        String other = newPractice();
        ConsoleClient.Page refused = browser.post(
                "/console/admin/credentials/" + regulatorId + "/practice-grants",
                Map.of("practiceId", other, "reason", " ", "idempotencyKey", unique("k"), "_csrf", home.csrf()));
        assertThat(browser.get(local(refused.location())).body()).contains("Say why");
        ConsoleClient.Page granted = browser.post(
                "/console/admin/credentials/" + regulatorId + "/practice-grants",
                Map.of(
                        "practiceId",
                        other,
                        "reason",
                        "case 2026-114",
                        "idempotencyKey",
                        unique("k"),
                        "_csrf",
                        home.csrf()));
        assertThat(browser.get(local(granted.location())).body())
                .contains("Credential " + regulatorId + " may now read " + other);
        assertThat(http.get("/api/practices/" + other + "/exceptions")
                        .key(regulatorKey)
                        .send()
                        .status())
                .isEqualTo(200);
        ConsoleClient.Page revoked = browser.post(
                "/console/admin/credentials/" + regulatorId + "/revocation",
                Map.of("reason", "case closed", "idempotencyKey", unique("k"), "_csrf", home.csrf()));
        assertThat(http.get("/api/practices/" + other + "/exceptions")
                        .key(regulatorKey)
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(browser.get(local(revoked.location())).body()).contains("Credential " + regulatorId + " is revoked");
    }

    @Test
    void anAdminIssuesPracticeSoftwareItsKeyOnceAndWithdrawsARegulatorsPractice() {
        String practice = newPractice();
        ConsoleClient.Account admin = ConsoleClient.open(http, adminKey, "ADMIN", null);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(admin, admin.password(), Instant.now());
        ConsoleClient.Page home = browser.get("/console");
        long keysBefore = issuedKeys();
        Map<String, String> form = Map.of(
                "label",
                "EHR bridge, front desk",
                "role",
                "PRACTICE_WRITER",
                "practiceId",
                practice,
                "expiresOn",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString(),
                "idempotencyKey",
                unique("k"),
                "_csrf",
                home.csrf());

        ConsoleClient.Page issued = browser.post("/console/admin/api-keys", form);
        ConsoleClient.Page again = browser.post("/console/admin/api-keys", form);
        ConsoleClient.Page wrong = browser.post(
                "/console/admin/api-keys",
                Map.of(
                        "label",
                        "an admin tied to a practice",
                        "role",
                        "ADMIN",
                        "practiceId",
                        practice,
                        "idempotencyKey",
                        unique("k"),
                        "_csrf",
                        home.csrf()));

        assertThat(issued.status()).isEqualTo(200);
        String secret = issued.body().replaceFirst("(?s).*id=\"api-key\">([^<]+)<.*", "$1");
        assertThat(secret.split("\\.")).hasSize(3);
        assertThat(again.body()).contains("This form was sent before").doesNotContain(secret);
        assertThat(wrong.body()).contains("Nothing was issued");
        assertThat(issuedKeys()).isEqualTo(keysBefore + 1);
        assertThat(http.get("/api/practices/" + practice + "/locations")
                        .key(secret)
                        .send()
                        .status())
                .isEqualTo(200);

        String regulatorKey = issueKey("REGULATOR", null);
        String regulatorId = regulatorKey.split("\\.")[1];
        browser.post(
                "/console/admin/credentials/" + regulatorId + "/practice-grants",
                Map.of(
                        "practiceId",
                        practice,
                        "reason",
                        "case 2026-7",
                        "idempotencyKey",
                        unique("k"),
                        "_csrf",
                        home.csrf()));
        ConsoleClient.Page listed = browser.get("/console");
        assertThat(listed.body()).contains("Withdraw " + practice);
        assertThat(http.get("/api/practices/" + practice + "/exceptions")
                        .key(regulatorKey)
                        .send()
                        .status())
                .isEqualTo(200);

        ConsoleClient.Page withdrawn = browser.post(
                "/console/admin/credentials/" + regulatorId + "/practice-grants/" + practice + "/withdrawal",
                Map.of("reason", "case 2026-7 closed", "idempotencyKey", unique("k"), "_csrf", listed.csrf()));
        ConsoleClient.Page twice = browser.post(
                "/console/admin/credentials/" + regulatorId + "/practice-grants/" + practice + "/withdrawal",
                Map.of("reason", "again", "idempotencyKey", unique("k"), "_csrf", listed.csrf()));

        assertThat(browser.get(local(withdrawn.location())).body())
                .contains("Credential " + regulatorId + " no longer reads " + practice);
        assertThat(browser.get(local(twice.location())).body()).contains("Nothing was recorded");
        assertThat(http.get("/api/practices/" + practice + "/exceptions")
                        .key(regulatorKey)
                        .send()
                        .status())
                .isIn(403, 404);
    }

    @Test
    void anAdminRegistersAPracticeFromTheConsoleCheckedAsTheApiChecksIt() {
        ConsoleClient.Account admin = ConsoleClient.open(http, adminKey, "ADMIN", null);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(admin, admin.password(), Instant.now());
        ConsoleClient.Page home = browser.get("/console");
        String practice = unique("console-practice");
        java.util.Map<String, String> form = new java.util.HashMap<>(Map.of(
                "practiceId", practice,
                "name", "Lakeside Ketamine Clinic",
                "line1", "5 Lake Rd",
                "city", "Madison",
                "state", "WI",
                "postalCode", "53703",
                "deaNumber", org.doseledger.api.support.Bodies.deaNumber("BL", 424242),
                "deaRegistrationExpiresOn", "2028-03-31",
                "timeZone", "America/Chicago",
                "idempotencyKey", unique("k")));
        form.put("authorizedSchedules", "IIIN");
        form.put("_csrf", home.csrf());
        java.util.Map<String, String> wrong = new java.util.HashMap<>(form);
        wrong.put("deaNumber", "BL1234567");
        wrong.put("timeZone", "Mars/Olympus");
        wrong.put("idempotencyKey", unique("k"));

        ConsoleClient.Page refused = browser.post("/console/admin/practices", wrong);
        String refusal = browser.get(local(refused.location())).body();
        boolean registeredByRefusal =
                http.get("/api/practices/" + practice).key(adminKey).send().status() == 200;
        ConsoleClient.Page registered = browser.post("/console/admin/practices", form);
        String notice = browser.get(local(registered.location())).body();
        ConsoleClient.Page again = browser.post("/console/admin/practices", form);

        assertThat(refusal)
                .contains("deaNumber")
                .contains("timeZone must be an IANA time zone id")
                .contains("Nothing was recorded");
        assertThat(registeredByRefusal).isFalse();
        assertThat(notice).contains("Practice " + practice + " is registered");
        assertThat(again.status()).isEqualTo(302);
        assertThat(browser.get(local(again.location())).body()).contains("Practice " + practice + " is registered");
        assertThat(http.get("/api/practices/" + practice)
                        .key(adminKey)
                        .send()
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo("Lakeside Ketamine Clinic");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type like '%.PracticeRegisteredEvent'"
                                + " and position(? in convert_from(payload, 'UTF8')) > 0",
                        Long.class, "\"" + practice + "\""))
                .isEqualTo(1L);
    }

    private long issuedKeys() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%.ApiKeyIssuedEvent'", Long.class);
    }

    private static String local(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void aComplianceOfficerMayNotOpenTheAdministration() {
        String practice = newPractice();
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(officer, officer.password(), Instant.now());

        assertThat(browser.get("/console/admin/read-models").status()).isEqualTo(403);
        assertThat(browser.get("/console/practices/" + practice + "/access-log").status())
                .isEqualTo(200);
    }
}
