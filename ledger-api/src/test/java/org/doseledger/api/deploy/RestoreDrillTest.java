package org.doseledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.SystemPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The small-installation backup of deploy/README.md, end to end: a ledger on a PostgreSQL server set up by the Compose
 * init script, {@code pg_dump}, a new server set up the same way, {@code pg_restore}, then {@code verify} with the keys
 * and the sealer's record kept apart from the database: both verdicts pass, and the restored service reads what was
 * written.
 */
class RestoreDrillTest {

    @TempDir
    Path work;

    @Test
    void aDumpRestoredIntoANewServerVerifiesAndServesTheLedger() throws Exception {
        assumeTrue(
                SystemPostgres.binaries().isPresent(),
                "no PostgreSQL server package is installed (Debian: postgresql): the drill needs pg_dump and"
                        + " pg_restore of the server's version");
        // the keys and the sealer's record: backed up apart from the database, and brought back for the restore
        Path keys = work.resolve("data");
        Path dump = work.resolve("ledger.dump");
        Written written;
        try (SystemPostgres original = SystemPostgres.start("127.0.0.1", freePort())) {
            createRoles(original);
            try (ConfigurableApplicationContext service = start(original, keys)) {
                written = writeAndSeal(port(service));
            }
            original.run(List.of(original.tool("pg_dump").toString(), "-Fc", "-d", "ledger", "-f", dump.toString()));
        }
        assertThat(Files.size(dump)).isPositive();

        try (SystemPostgres replacement = SystemPostgres.start("127.0.0.1", freePort())) {
            createRoles(replacement);
            replacement.run(List.of(
                    replacement.tool("pg_restore").toString(), "--exit-on-error", "-d", "ledger", dump.toString()));

            Path log = work.resolve("verify.log");
            Process verify = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            DoseLedgerApplication.class.getName(),
                            "verify",
                            "--spring.datasource.url=" + replacement.jdbcUrl("ledger"),
                            "--spring.datasource.username=ledger_app",
                            "--spring.flyway.user=ledger_owner",
                            "--ledger.data-dir=" + keys,
                            "--logging.level.root=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            assertThat(verify.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log);
            assertThat(verify.exitValue()).as(output).isZero();
            Matcher reportStart = Pattern.compile("(?m)^\\{$").matcher(output);
            assertThat(reportStart.find()).as(output).isTrue();
            JsonNode report = new ObjectMapper().readTree(output.substring(reportStart.start()));
            assertThat(report.get("integrityOk").asBoolean()).as(output).isTrue();
            assertThat(report.get("completenessOk").asBoolean()).as(output).isTrue();
            assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(written.position());

            try (ConfigurableApplicationContext restored = start(replacement, keys)) {
                Http.Response timeline = new Http(port(restored))
                        .get("/api/practices/drill/clients/c-1/timeline?atLeastPosition=" + written.position())
                        .key(written.writerKey())
                        .send();
                assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
                assertThat(timeline.text()).contains("ClientRegistered").contains("ConsentSigned");
            }
        }
    }

    private static void createRoles(SystemPostgres server) {
        ProcessBuilder script = new ProcessBuilder(
                        "sh",
                        DeployFiles.deploy("compose/postgres/10-ledger-roles.sh")
                                .toString())
                .redirectErrorStream(true);
        script.environment().putAll(server.clientEnvironment());
        script.environment().put("PATH", server.tool("psql").getParent() + ":" + System.getenv("PATH"));
        script.environment().put("POSTGRES_USER", "postgres");
        script.environment().put("LEDGER_OWNER_PASSWORD", "owner-secret");
        script.environment().put("LEDGER_APP_PASSWORD", "app-secret");
        try {
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ConfigurableApplicationContext start(SystemPostgres server, Path dataDir) {
        return new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--spring.datasource.url=" + server.jdbcUrl("ledger"),
                        "--spring.datasource.username=ledger_app",
                        "--spring.flyway.user=ledger_owner",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.integrity.sealing=false",
                        "--ledger.integrity.gap-window=0s",
                        "--server.port=0");
    }

    private record Written(String writerKey, long position) {}

    private Written writeAndSeal(int port) throws IOException {
        Http http = new Http(port);
        String admin = Files.readString(work.resolve("data/initial-admin-key")).trim();
        assertThat(http.post("/api/practices")
                        .key(admin)
                        .idempotencyKey("p")
                        .body(Bodies.practice("drill"))
                        .send()
                        .status())
                .isEqualTo(201);
        String writer = http.post("/api/admin/api-keys")
                .key(admin)
                .idempotencyKey("k")
                .body("{\"role\":\"PRACTICE_WRITER\",\"practiceId\":\"drill\",\"label\":\"ehr\"}")
                .send()
                .json()
                .get("apiKey")
                .asText();
        assertThat(http.post("/api/practices/drill/clients")
                        .key(writer)
                        .idempotencyKey("c")
                        .body(Bodies.client("c-1", "2026-11-20T15:00:00Z"))
                        .send()
                        .status())
                .isEqualTo(201);
        Http.Response consent = http.post("/api/practices/drill/clients/c-1/consents")
                .key(writer)
                .idempotencyKey("cs")
                .body(Bodies.consent("2026-11-20T15:30:00Z"))
                .send();
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        Http.Response sealed = http.post("/api/admin/ledger/checkpoints")
                .key(admin)
                .idempotencyKey("seal")
                .body("{\"reason\":\"before the backup\"}")
                .send();
        assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);
        return new Written(writer, consent.json().get("ledgerPosition").asLong());
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
