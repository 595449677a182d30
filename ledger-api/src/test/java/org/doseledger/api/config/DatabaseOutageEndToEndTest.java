package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stopped under a running service: readiness goes DOWN within seconds while liveness stays
 * UP, requests are answered 503 problem+json with Retry-After within seconds (nothing written), and once
 * PostgreSQL is back the service is ready and writes again without a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageEndToEndTest {

    @TempDir
    Path directory;

    @Test
    void anOutageIsA503WithRetryAfterAndTheServiceRecoversOnItsOwn(CapturedOutput output) throws Exception {
        Path pgData = directory.resolve("pg");
        int pgPort = freePort();
        EmbeddedPostgres postgres = start(pgData, pgPort);
        try (ConfigurableApplicationContext service = serviceOn(postgres, directory.resolve("data"))) {
            Http http = new Http(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
            String admin = Files.readString(directory.resolve("data/initial-admin-key"))
                    .trim();
            assertThat(http.post("/api/practices")
                            .key(admin)
                            .idempotencyKey("p")
                            .body(Bodies.practice("outage"))
                            .send()
                            .status())
                    .isEqualTo(201);
            Http.Response issued = http.post("/api/admin/api-keys")
                    .key(admin)
                    .idempotencyKey("officer")
                    .body("{\"role\":\"COMPLIANCE_OFFICER\",\"practiceId\":\"outage\",\"label\":\"never used yet\"}")
                    .send();
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            String unusedKey = issued.json().get("apiKey").asText();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/actuator/health/readiness").send().status() == 200);

            long stopped = System.nanoTime();
            postgres.close();

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> http.get("/actuator/health/readiness").send().status() == 503);
            long unready = System.nanoTime();
            assertThat(http.get("/actuator/health/liveness").send().status()).isEqualTo(200);
            long started = System.nanoTime();
            Http.Response refused = http.post("/api/practices")
                    .key(admin)
                    .idempotencyKey("during-outage")
                    .body(Bodies.practice("outage-2"))
                    .send();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(refused.header("Retry-After")).contains("5");
            assertThat(took).as("answered within seconds, not after 30").isLessThan(Duration.ofSeconds(15));
            // a key the service has not looked up yet: its lookup needs the database, before any controller
            Http.Response unknownYet =
                    http.get("/api/practices/outage/exceptions").key(unusedKey).send();
            assertThat(unknownYet.status()).as(unknownYet.toString()).isEqualTo(503);
            assertThat(unknownYet.contentType()).startsWith("application/problem+json");
            assertThat(unknownYet.json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(unknownYet.header("Retry-After")).contains("5");
            assertThat(output.getAll())
                    .as("the failed key lookup is one warning, not a stack trace from the servlet container")
                    .doesNotContain("threw exception")
                    .contains("The API key could not be looked up");

            postgres = start(pgData, pgPort);
            long restarted = System.nanoTime();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/actuator/health/readiness").send().status() == 200);
            long ready = System.nanoTime();
            Http.Response retried = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> http.post("/api/practices")
                                    .key(admin)
                                    .idempotencyKey("during-outage")
                                    .body(Bodies.practice("outage-2"))
                                    .send(),
                            response -> response.status() != 503);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
            // the figures docs/reliability.md quotes
            org.slf4j.LoggerFactory.getLogger(DatabaseOutageEndToEndTest.class)
                    .info(
                            "Database outage: readiness DOWN {} ms after PostgreSQL stopped; a write answered 503 in {}"
                                    + " ms; ready again {} ms after PostgreSQL restarted",
                            (unready - stopped) / 1_000_000,
                            took.toMillis(),
                            (ready - restarted) / 1_000_000);
        } finally {
            postgres.close();
        }
    }

    /** A service on the given PostgreSQL, checking the database every 500 ms, not sealing nor reconciling. */
    static ConfigurableApplicationContext serviceOn(EmbeddedPostgres postgres, Path dataDir) {
        return new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.integrity.sealing=false",
                        "--ledger.reconciliation.enabled=false",
                        "--ledger.database-check-interval=500ms");
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
