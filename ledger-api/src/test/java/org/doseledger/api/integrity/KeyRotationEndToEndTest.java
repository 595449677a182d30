package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.TestPostgres;
import org.doseledger.core.integrity.KeyEndorsement;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rotation as an operator makes it: restart with the new key and the previous one. The service records the previous
 * key's endorsement of the new key, and the verification endpoint, {@code /api/ledger/public-keys} and the offline
 * verifier given only the first key accept the new key's checkpoints. A later restart with a key nobody endorsed (an
 * attacker's, written over the key file) gets checkpoints that neither the endpoint nor the offline verifier accepts.
 */
class KeyRotationEndToEndTest {

    @TempDir
    Path dataDir;

    final String database = TestPostgres.newDatabase();

    @Test
    void aVerifierPinningTheFirstKeyFollowsAnEndorsedRotationAndRefusesAnUnendorsedKey() throws Exception {
        Path firstKey = dataDir.resolve("first.pub");
        String adminKey;
        try (ConfigurableApplicationContext first = start()) {
            Http http = new Http(port(first));
            adminKey = Files.readString(dataDir.resolve("initial-admin-key")).trim();
            write(http, adminKey, "p1");
            seal(http, adminKey, first);
            Files.writeString(
                    firstKey, publicKeys(http, adminKey).get(0).get("pem").asText());
        }
        Path previousKeyFile = dataDir.resolve("keys/signing-key.pem");
        Path retired = dataDir.resolve("retired-signing-key.pem");
        Files.copy(previousKeyFile, retired);
        String secondKey = Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPrivate()
                        .getEncoded());

        try (ConfigurableApplicationContext second = start(
                "ledger.integrity.signing-key=" + secondKey, "ledger.integrity.previous-signing-key-file=" + retired)) {
            Http http = new Http(port(second));
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where payload_type = ?",
                            Long.class,
                            KeyEndorsement.EVENT_TYPE))
                    .isEqualTo(1);
            write(http, adminKey, "p2");
            seal(http, adminKey, second);
            assertThat(publicKeys(http, adminKey)).hasSize(2);

            JsonNode report = verify(http, adminKey);
            assertThat(report.get("integrityOk").asBoolean())
                    .as(report.toString())
                    .isTrue();
            assertThat(report.get("completenessOk").asBoolean())
                    .as(report.toString())
                    .isTrue();

            Path bundle = bundle(port(second), adminKey);
            assertThat(OfflineBundleVerifier.run(new String[] {bundle.toString(), "--public-key", firstKey.toString()}))
                    .isZero();

            // an export bundle sealed under the second key carries the endorsement: the first key suffices
            Path export = exportBundle(http, adminKey, port(second), "p2");
            assertThat(OfflineBundleVerifier.run(new String[] {export.toString(), "--public-key", firstKey.toString()}))
                    .isZero();
        }

        // someone who can write the key directory installs a key of their own and restarts the service
        String attackerKey = Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPrivate()
                        .getEncoded());
        try (ConfigurableApplicationContext third = start("ledger.integrity.signing-key=" + attackerKey)) {
            Http http = new Http(port(third));
            write(http, adminKey, "p3");
            seal(http, adminKey, third);
            assertThat(publicKeys(http, adminKey))
                    .as("the attacker's key is not published")
                    .hasSize(2);

            JsonNode report = verify(http, adminKey);
            assertThat(report.get("completenessOk").asBoolean())
                    .as(report.toString())
                    .isFalse();
            assertThat(report.get("completenessFailure").get("code").asText()).isEqualTo("CHECKPOINT_UNTRUSTED_KEY");

            assertThat(OfflineBundleVerifier.run(
                            new String[] {bundle(port(third), adminKey).toString(), "--public-key", firstKey.toString()
                            }))
                    .isEqualTo(1);
        }
    }

    private static void write(Http http, String adminKey, String practice) {
        Http.Response created = http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey("practice-" + practice)
                .body(Bodies.practice(practice))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static void seal(Http http, String adminKey, ConfigurableApplicationContext service) {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            http.post("/api/admin/ledger/checkpoints")
                    .key(adminKey)
                    .idempotencyKey("seal-" + System.nanoTime())
                    .body("{\"reason\":\"asked by a test\"}")
                    .send();
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            return sealed != null && sealed >= last;
        });
    }

    private static JsonNode verify(Http http, String adminKey) {
        Http.Response report = http.post("/api/admin/ledger/verification")
                .key(adminKey)
                .idempotencyKey("verify-" + System.nanoTime())
                .body("{\"reason\":\"asked by a test\"}")
                .send();
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json();
    }

    /** A receipts log of the practice, requested by its compliance officer and downloaded when done. */
    private static Path exportBundle(Http http, String adminKey, int port, String practice) throws Exception {
        Http.Response issued = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey("officer-" + System.nanoTime())
                .body("{\"role\":\"COMPLIANCE_OFFICER\",\"label\":\"test key\",\"practiceId\":\"" + practice + "\"}")
                .send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String officer = issued.json().get("apiKey").asText();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Http.Response requested = http.post("/api/practices/" + practice + "/exports")
                .key(officer)
                .idempotencyKey("export-" + System.nanoTime())
                .body("{\"type\":\"receipts-log\",\"from\":\"" + today.minusDays(2) + "\",\"to\":\"" + today.plusDays(2)
                        + "\"}")
                .send();
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String exportId = requested.json().get("exportId").asText();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    http.post("/api/admin/ledger/checkpoints")
                            .key(adminKey)
                            .idempotencyKey("seal-" + System.nanoTime())
                            .body("{\"reason\":\"asked by a test\"}")
                            .send();
                    return http.get("/api/practices/" + practice + "/exports/" + exportId)
                            .key(officer)
                            .send()
                            .json()
                            .get("status")
                            .asText()
                            .equals("DONE");
                });
        Path bundle = Files.createTempFile("export", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/practices/" + practice
                                        + "/exports/" + exportId + "/bundle"))
                                .header("Authorization", "Bearer " + officer)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);
        return bundle;
    }

    private static List<JsonNode> publicKeys(Http http, String adminKey) {
        List<JsonNode> keys = new ArrayList<>();
        http.get("/api/ledger/public-keys").key(adminKey).send().json().forEach(keys::add);
        return keys;
    }

    private static Path bundle(int port, String adminKey) throws Exception {
        Path bundle = Files.createTempFile("bundle", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/ledger/bundle"))
                                .header("Authorization", "Bearer " + adminKey)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);
        return bundle;
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + database,
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "ledger.data-dir=" + dataDir,
                "server.port=0",
                "ledger.integrity.sealing=false",
                "ledger.integrity.gap-window=0s",
                "ledger.integrity.max-unsealed-age=7d",
                "ledger.rate-limit.enabled=false",
                "ledger.rate-limit.failed-credentials-per-minute=0"));
        properties.addAll(List.of(more));
        return new SpringApplicationBuilder(DoseLedgerApplication.class)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
