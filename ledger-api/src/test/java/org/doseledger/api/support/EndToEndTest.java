package org.doseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import org.doseledger.api.config.LedgerProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Base of the end-to-end tests: HTTP against the running service, SQL against its database. */
@LedgerApiTest
public abstract class EndToEndTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected LedgerProperties properties;

    protected Http http;
    protected String adminKey;

    @BeforeEach
    void connect() throws IOException {
        http = new Http(port);
        adminKey = Files.readString(properties.dataDir().resolve("initial-admin-key"))
                .trim();
    }

    /** An RFC 9457 problem with this status and code. */
    public static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An administrative action as an ADMIN asks for it: a reason in the body and an Idempotency-Key. */
    protected Http.Response adminAction(String path) {
        return http.post(path)
                .key(adminKey)
                .idempotencyKey(unique("admin"))
                .body("{\"reason\":\"asked by a test\"}")
                .send();
    }

    protected long eventRows() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    protected String newPractice() {
        String practiceId = unique("practice");
        Http.Response response = http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.practice(practiceId))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return practiceId;
    }

    protected String issueKey(String role, String practiceId) {
        String practice = practiceId == null ? "" : ",\"practiceId\":\"" + practiceId + "\"";
        Http.Response response = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"role\":\"" + role + "\",\"label\":\"test key\"" + practice + "}")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("apiKey").asText();
    }

    /** Sets a practice's policies (as its administrator would), e.g. {@code {"doseIncreaseLimitPercent":25}}. */
    public Http.Response setPolicies(String practiceId, String policies) {
        return http.post("/api/practices/" + practiceId + "/policies")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(policies)
                .send();
    }

    protected String newClient(String practiceId, String writerKey) {
        String clientId = unique("client");
        Http.Response response = http.post("/api/practices/" + practiceId + "/clients")
                .key(writerKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.client(clientId, "2026-11-20T15:00:00Z"))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return clientId;
    }

    protected JsonNode recordConsent(String practiceId, String clientId, String writerKey, String signedAt) {
        Http.Response response = http.post("/api/practices/" + practiceId + "/clients/" + clientId + "/consents")
                .key(writerKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.consent(signedAt))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected JsonNode timeline(String practiceId, String clientId, String key, long atLeastPosition) {
        Http.Response response = http.get("/api/practices/" + practiceId + "/clients/" + clientId
                        + "/timeline?atLeastPosition=" + atLeastPosition)
                .key(key)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /**
     * The ledger's signing key as a regulator pins it: its PEM from {@code GET /api/ledger/public-keys}, read
     * the way {@code verify-bundle --public-key} reads a file.
     */
    protected java.security.PublicKey trustedPublicKey() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("key", ".pub");
        java.nio.file.Files.writeString(
                file,
                http.get("/api/ledger/public-keys")
                        .key(adminKey)
                        .send()
                        .json()
                        .get(0)
                        .get("pem")
                        .asText());
        return org.doseledger.core.integrity.bundle.OfflineBundleVerifier.readKey(file);
    }
}
