package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

/**
 * The console over HTTP as a browser speaks it: accounts opened by an admin, sign-in with password and
 * code, lockout, the session cookie, CSRF, practice scope and roles as in the API, access logging, and the
 * exceptions queue's reviews recorded in the ledger under the account's credential.
 */
class ConsoleEndToEndTest extends ConsoleTest {

    @Test
    void anAdminOpensAnAccountWhosePasswordAndSecretAreShownOnceAndStoredOnlySealed() {
        String username = unique("officer").toLowerCase();
        String body = "{\"username\":\"" + username + "\",\"name\":\"J. Doe, compliance officer\","
                + "\"role\":\"COMPLIANCE_OFFICER\",\"practiceId\":\"" + practice + "\"}";
        String key = unique("idem");

        Http.Response created = http.post("/api/admin/console-accounts")
                .key(adminKey)
                .idempotencyKey(key)
                .body(body)
                .send();
        Http.Response replayed = http.post("/api/admin/console-accounts")
                .key(adminKey)
                .idempotencyKey(key)
                .body(body)
                .send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String password = created.json().get("initialPassword").asText();
        String secret = created.json().get("totpSecret").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.json().get("otpauthUri").asText())
                .startsWith("otpauth://totp/Dose%20Ledger:" + username + "?secret=" + secret);
        assertThat(created.header("Location"))
                .contains("/api/admin/api-keys/" + created.json().get("keyId").asText());
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.json().has("initialPassword")).isFalse();
        assertThat(replayed.json().has("totpSecret")).isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from console_account where username = ?", Integer.class, username))
                .isEqualTo(1);
        // the credential is in the ledger like any key; the secrets are nowhere in plaintext
        Http.Response issued = http.get(
                        "/api/admin/api-keys/" + created.json().get("keyId").asText())
                .key(adminKey)
                .send();
        assertThat(issued.json().get("role").asText()).isEqualTo("COMPLIANCE_OFFICER");
        assertThat(issued.json().get("label").asText()).contains(username);
        String row = jdbc.queryForObject(
                "select password_hash || encode(totp_secret, 'escape') from console_account where username = ?",
                String.class,
                username);
        assertThat(row).doesNotContain(password).doesNotContain(secret).startsWith("{bcrypt}");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?"
                                + " or convert_from(payload, 'UTF8') like ?",
                        Integer.class,
                        "%" + password + "%",
                        "%" + secret + "%"))
                .isZero();
    }

    @Test
    void anAccountRequestThatIsWrongIsRefusedAndWritesNothing() {
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        long before = eventRows();

        assertProblem(
                account(adminKey, "{\"username\":\"Bad Name\",\"name\":\"x\",\"role\":\"ADMIN\"}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                account(
                        adminKey,
                        "{\"username\":\"writer-1\",\"name\":\"x\",\"role\":\"PRACTICE_WRITER\"," + "\"practiceId\":\""
                                + practice + "\"}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                account(adminKey, "{\"username\":\"officer-1\",\"name\":\"x\",\"role\":\"COMPLIANCE_OFFICER\"}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                account(
                        adminKey,
                        "{\"username\":\"officer-2\",\"name\":\"x\",\"role\":\"COMPLIANCE_OFFICER\","
                                + "\"practiceId\":\"no-such-practice\"}"),
                404,
                "PRACTICE_NOT_FOUND");
        assertProblem(
                account(officer, "{\"username\":\"officer-3\",\"name\":\"x\",\"role\":\"ADMIN\"}"), 403, "FORBIDDEN");
        long afterRefusals = eventRows();
        ConsoleClient.Account first = ConsoleClient.open(http, adminKey, "ADMIN", null);
        assertProblem(
                account(adminKey, "{\"username\":\"" + first.username() + "\",\"name\":\"x\",\"role\":\"ADMIN\"}"),
                409,
                "CONSOLE_ACCOUNT_ALREADY_EXISTS");

        assertThat(afterRefusals).isEqualTo(before + 0);
        assertThat(eventRows()).isEqualTo(afterRefusals + 1);
    }

    @Test
    void signingInTakesPasswordAndCodeAndGivesAStrictSessionCookie() {
        ConsoleClient.Account account = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);

        ConsoleClient.Page anonymous = browser.get("/console/practices/" + practice);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
        ConsoleClient.Page login = browser.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("<label for=\"code\">");
        assertThat(login.header("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");

        assertThat(browser.signIn(account, "wrong password", Instant.now()).location())
                .endsWith("/login?error");
        assertThat(browser.signIn(account.username(), account.password(), "000000")
                        .location())
                .endsWith("/login?error");
        ConsoleClient.Page signedIn = browser.signIn(account, account.password(), Instant.now());

        assertThat(signedIn.location()).endsWith("/console");
        String cookie = signedIn.raw().headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("DOSE_LEDGER_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
        ConsoleClient.Page home = browser.get("/console");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/console/practices/" + practice);
        ConsoleClient.Page dashboard = browser.get("/console/practices/" + practice);
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(dashboard.body())
                .contains("Needs attention")
                .contains("UNWITNESSED_DRAW")
                .contains("draws not yet")
                .contains("Last signed checkpoint")
                .contains("Witnesses");
        // the failures before the right answer are forgotten once it succeeds
        assertThat(jdbc.queryForObject(
                        "select failed_sign_ins from console_account where username = ?",
                        Integer.class,
                        account.username()))
                .isZero();
    }

    @Test
    void aCodeSignsInOnce() {
        ConsoleClient.Account account = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        Instant now = Instant.now();

        assertThat(new ConsoleClient(port)
                        .signIn(account, account.password(), now)
                        .location())
                .endsWith("/console");
        assertThat(new ConsoleClient(port)
                        .signIn(account, account.password(), now)
                        .location())
                .endsWith("/login?error");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightAnswer() {
        ConsoleClient.Account account = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(account, "guess-" + i, Instant.now()).location())
                    .endsWith("/login?error");
        }

        ConsoleClient.Page refused = browser.signIn(account, account.password(), Instant.now());

        assertThat(refused.location()).endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("locked");
        assertThat(browser.get("/console").status()).isEqualTo(302);
    }

    @Test
    void pagesKeepThePracticeScopeAndRolesOfTheirRestTwins() {
        String other = newPractice();
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient.Account regulator = ConsoleClient.open(http, adminKey, "REGULATOR", practice);
        ConsoleClient officerBrowser = new ConsoleClient(port);
        ConsoleClient regulatorBrowser = new ConsoleClient(port);
        officerBrowser.signIn(officer, officer.password(), Instant.now());
        regulatorBrowser.signIn(regulator, regulator.password(), Instant.now());

        ConsoleClient.Page elsewhere = officerBrowser.get("/console/practices/" + other);
        ConsoleClient.Page regulatorElsewhere = regulatorBrowser.get("/console/practices/" + other + "/exceptions");
        ConsoleClient.Page granted = regulatorBrowser.get("/console");
        ConsoleClient.Page readOnly = regulatorBrowser.get("/console/practices/" + practice + "/exceptions");
        ConsoleClient.Page regulatorReview = regulatorBrowser.post(
                "/console/practices/" + practice + "/exceptions/" + unwitnessed + "/acknowledgement",
                Map.of("note", "", "idempotencyKey", unique("k"), "_csrf", readOnly.csrf()));

        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body()).contains("Not found").doesNotContain(other + "\"");
        assertThat(regulatorElsewhere.status()).isEqualTo(404);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body()).contains("/console/practices/" + practice);
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(readOnly.body()).contains(unwitnessed.substring(0, 16)).doesNotContain("Acknowledge</button>");
        assertThat(regulatorReview.status()).isEqualTo(403);
        assertThat(regulatorReview.body()).contains("Not allowed");
    }

    @Test
    void anOfficerAcknowledgesAndResolvesOnTheRecordUnderTheirOwnName() {
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(officer, officer.password(), Instant.now());
        String queue = "/console/practices/" + practice + "/exceptions";
        ConsoleClient.Page page = browser.get(queue);
        String ack = queue + "/" + unwitnessed + "/acknowledgement";
        String key = unique("form");

        ConsoleClient.Page acknowledged = browser.post(
                ack, Map.of("note", "asked rn-1 for the witness", "idempotencyKey", key, "_csrf", page.csrf()));
        ConsoleClient.Page again = browser.post(
                ack, Map.of("note", "asked rn-1 for the witness", "idempotencyKey", key, "_csrf", page.csrf()));
        ConsoleClient.Page noNote = browser.post(
                queue + "/" + unwitnessed + "/resolution",
                Map.of("note", "  ", "idempotencyKey", unique("form"), "_csrf", page.csrf()));
        ConsoleClient.Page resolved = browser.post(
                queue + "/" + unwitnessed + "/resolution",
                Map.of("note", "witness signed the paper log", "idempotencyKey", unique("form"), "_csrf", page.csrf()));
        ConsoleClient.Page after = browser.get(resolved.location().replaceFirst("^https?://[^/]+", ""));

        assertThat(acknowledged.status()).isEqualTo(302);
        assertThat(again.status()).isEqualTo(302);
        assertThat(noNote.status()).isEqualTo(302);
        assertThat(after.status()).isEqualTo(200);
        List<Map<String, Object>> reviews = jdbc.queryForList("""
                select payload_type, convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta
                from domain_event_entry
                where payload_type like '%Exception%' and convert_from(payload, 'UTF8') like ?
                order by global_index
                """, "%" + unwitnessed + "%");
        assertThat(reviews)
                .extracting(row -> row.get("payload_type").toString())
                .containsExactly(
                        "org.doseledger.core.compliance.api.ExceptionAcknowledgedEvent",
                        "org.doseledger.core.compliance.api.ExceptionResolvedEvent");
        assertThat(reviews.get(0).get("payload").toString())
                .contains("Pat " + officer.username())
                .contains("asked rn-1 for the witness");
        assertThat(reviews.get(1).get("payload").toString()).contains("witness signed the paper log");
        assertThat(reviews.get(1).get("meta").toString()).contains(officer.keyId());
        assertThat(after.body()).doesNotContain(unwitnessed.substring(0, 16));
        assertThat(browser.get(queue + "?status=RESOLVED").body())
                .contains("witness signed the paper log")
                .contains("Pat " + officer.username());
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(officer, officer.password(), Instant.now());
        long before = eventRows();

        ConsoleClient.Page forged = browser.post(
                "/console/practices/" + practice + "/exceptions/" + unwitnessed + "/resolution",
                Map.of("note", "closed by a forged form", "idempotencyKey", unique("form")));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void everyPageWithClientDataIsInTheAccessLogUnderTheAccountsCredential() {
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(officer, officer.password(), Instant.now());

        browser.get("/console/practices/" + practice);
        browser.get("/console/practices/" + practice + "/exceptions?status=OPEN");

        List<String> accesses = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where payload_type = 'org.doseledger.core.access.api.ClientDataAccessedEvent'
                  and convert_from(payload, 'UTF8') like ?
                order by global_index
                """, String.class, "%" + officer.keyId() + "%");
        assertThat(accesses).hasSize(2);
        assertThat(accesses.get(0)).contains("GET /console/practices/{practiceId}");
        assertThat(accesses.get(1))
                .contains("GET /console/practices/{practiceId}/exceptions")
                .contains("\"status\":\"OPEN\"");
    }

    @Test
    void revokingTheAccountsKeyEndsItsSessionAtTheNextClick() {
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(officer, officer.password(), Instant.now());
        assertThat(browser.get("/console/practices/" + practice).status()).isEqualTo(200);

        assertThat(adminAction("/api/admin/api-keys/" + officer.keyId() + "/revocation")
                        .status())
                .isEqualTo(201);
        ConsoleClient.Page ended = browser.get("/console/practices/" + practice);

        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.location()).endsWith("/login?ended");
        assertThat(browser.get("/console").location()).endsWith("/login");
        assertThat(new ConsoleClient(port)
                        .signIn(officer, officer.password(), Instant.now().plusSeconds(30))
                        .location())
                .endsWith("/login?error");
    }

    @Test
    void aSessionLivesInTheDatabaseSoThatAnyReplicaServesIt() {
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        Instant signedInAt = Instant.now();
        browser.signIn(officer, officer.password(), signedInAt);
        assertThat(browser.get("/console/practices/" + practice).status()).isEqualTo(200);

        List<Map<String, Object>> sessions = jdbc.queryForList(
                "select s.primary_id, count(a.attribute_name) as attributes from spring_session s"
                        + " join spring_session_attributes a on a.session_primary_id = s.primary_id"
                        + " where s.principal_name = ? group by s.primary_id",
                officer.keyId());
        assertThat(sessions).hasSize(1);
        assertThat((Long) sessions.get(0).get("attributes")).isPositive();
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session_attributes a join spring_session s"
                                + " on a.session_primary_id = s.primary_id where s.principal_name = ?"
                                + " and position(convert_to(?, 'UTF8') in a.attribute_bytes) > 0",
                        Long.class,
                        officer.keyId(),
                        officer.password()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session_attributes a join spring_session s"
                                + " on a.session_primary_id = s.primary_id where s.principal_name = ?"
                                + " and position(convert_to(?, 'UTF8') in a.attribute_bytes) > 0",
                        Long.class,
                        officer.keyId(),
                        officer.code(signedInAt)))
                .as("the sign-in form's one-time code")
                .isZero();

        jdbc.update("delete from spring_session where principal_name = ?", officer.keyId());
        assertThat(browser.get("/console/practices/" + practice).location()).endsWith("/login");
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(officer, officer.password(), Instant.now());
        String csrf = browser.get("/console/practices/" + practice).csrf();

        ConsoleClient.Page out = browser.post("/logout", Map.of("_csrf", csrf));

        assertThat(out.location()).endsWith("/login?signedOut");
        assertThat(browser.get("/console/practices/" + practice).location()).endsWith("/login");
    }

    private Http.Response account(String key, String body) {
        return http.post("/api/admin/console-accounts")
                .key(key)
                .idempotencyKey(unique("idem"))
                .body(body)
                .send();
    }
}
