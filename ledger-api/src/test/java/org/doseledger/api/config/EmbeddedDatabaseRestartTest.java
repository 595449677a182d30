package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The zero-configuration default: the embedded PostgreSQL keeps the ledger across a clean restart and
 * across a {@code kill -9} of the service, whose orphaned postmaster the next start stops.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void theLedgerSurvivesARestart() throws IOException {
        Written written;
        try (ConfigurableApplicationContext first = start()) {
            written = writeSlice(port(first));
        }

        try (ConfigurableApplicationContext second = start()) {
            assertTimelineIntact(port(second), written);
            assertTheServiceMayOnlyAppendEvents(second.getBean(JdbcTemplate.class));
            assertThat(Files.readString(dataDir.resolve("initial-admin-key")).trim())
                    .as("the admin key is issued only at the very first start")
                    .isEqualTo(written.adminKey());
        }
    }

    /** The service connects as ledger_app, not as the owner: events are insert-and-read only for it. */
    private static void assertTheServiceMayOnlyAppendEvents(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("ledger_app");
        for (String rewrite : List.of(
                "update domain_event_entry set payload = payload",
                "delete from ledger_checkpoint",
                "alter table domain_event_entry disable trigger domain_event_entry_append_only")) {
            assertThatThrownBy(() -> jdbc.execute("set session_replication_role = replica; " + rewrite))
                    .as(rewrite)
                    .satisfies(refused -> assertThat(NestedExceptionUtils.getMostSpecificCause(refused)
                                    .getMessage())
                            .containsAnyOf("permission denied", "must be owner"));
        }
    }

    @Test
    void theLedgerSurvivesAKillOfTheServiceAndItsOrphanedPostmasterIsStopped() throws Exception {
        int childPort = freePort();
        Path log = dataDir.resolve("child.log");
        Process child = startChild(childPort, log);
        Written written;
        try {
            Http http = new Http(childPort);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .failFast("service exited; see " + log, () -> !child.isAlive())
                    .until(() -> http.get("/actuator/health/readiness").send().status() == 200);
            written = writeSlice(childPort);
        } finally {
            child.destroyForcibly().waitFor();
        }
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
        assertThat(ProcessHandle.of(orphan))
                .as("the killed service left its postmaster running")
                .isPresent();

        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertTimelineIntact(port(restarted), written);
        }
    }

    @Test
    void aSecondProcessOnADataDirectoryInUseStopsAtOnceAndLeavesTheRunningServiceAlone() throws Exception {
        int childPort = freePort();
        Path log = dataDir.resolve("child.log");
        Process child = startChild(childPort, log);
        try {
            Http http = new Http(childPort);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .failFast("service exited; see " + log, () -> !child.isAlive())
                    .until(() -> http.get("/actuator/health/readiness").send().status() == 200);
            Written written = writeSlice(childPort);
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(0)
                    .trim());

            assertThatThrownBy(this::start)
                    .satisfies(refused -> assertThat(NestedExceptionUtils.getRootCause(refused))
                            .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class)
                            .hasMessageContaining("in use by another Dose Ledger process (pid " + child.pid() + ")"));
            Path verifyLog = dataDir.resolve("verify.log");
            Process verify = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            DoseLedgerApplication.class.getName(),
                            "verify",
                            "--ledger.data-dir=" + dataDir,
                            "--spring.datasource.url=")
                    .redirectErrorStream(true)
                    .redirectOutput(verifyLog.toFile())
                    .start();
            assertThat(verify.waitFor(120, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(verify.exitValue()).as(Files.readString(verifyLog)).isEqualTo(3);
            assertThat(Files.readString(verifyLog)).contains("is in use by another Dose Ledger process");

            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                    .as("the running service's postmaster")
                    .contains(true);
            assertThat(http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
            Http.Response write = http.post("/api/practices/restart/clients")
                    .key(written.writerKey())
                    .idempotencyKey("after-refused-start")
                    .body(Bodies.client("c-2", "2026-11-20T15:00:00Z"))
                    .send();
            assertThat(write.status()).as(write.toString()).isEqualTo(201);
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    private Process startChild(int childPort, Path log) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DoseLedgerApplication.class.getName(),
                        "--ledger.data-dir=" + dataDir,
                        "--server.port=" + childPort,
                        "--spring.datasource.url=")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DoseLedgerApplication.class)
                .properties("ledger.data-dir=" + dataDir, "server.port=0", "spring.datasource.url=")
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private Written writeSlice(int port) throws IOException {
        Http http = new Http(port);
        String adminKey = Files.readString(dataDir.resolve("initial-admin-key")).trim();
        http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey("p")
                .body(Bodies.practice("restart"))
                .send();
        String writer = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey("k")
                .body("{\"role\":\"PRACTICE_WRITER\",\"practiceId\":\"restart\",\"label\":\"ehr\"}")
                .send()
                .json()
                .get("apiKey")
                .asText();
        http.post("/api/practices/restart/clients")
                .key(writer)
                .idempotencyKey("c")
                .body(Bodies.client("c-1", "2026-11-20T15:00:00Z"))
                .send();
        Http.Response consent = http.post("/api/practices/restart/clients/c-1/consents")
                .key(writer)
                .idempotencyKey("cs")
                .body(Bodies.consent("2026-11-20T15:30:00Z"))
                .send();
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        return new Written(
                adminKey, writer, consent.json().get("ledgerPosition").asLong());
    }

    private static void assertTimelineIntact(int port, Written written) {
        // after a crash the new process takes over the dead one's processor claims once they time out;
        // until then reads that need the latest position answer 503 projection-behind, which is retryable
        Http http = new Http(port);
        Http.Response response = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.get("/api/practices/restart/clients/c-1/timeline?atLeastPosition="
                                        + written.lastPosition())
                                .key(written.writerKey())
                                .send(),
                        answer -> answer.status() != 503);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode entries = response.json().get("entries");
        assertThat(List.of(
                        entries.get(0).get("eventType").asText(),
                        entries.get(1).get("eventType").asText()))
                .containsExactly("ClientRegistered", "ConsentSigned");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Written(String adminKey, String writerKey, long lastPosition) {}
}
