package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (as the Compose file and the Kubernetes manifests set it): every
 * line the service writes is one JSON object in the Elastic Common Schema, from the first to the last, and a start
 * says little.
 */
class StructuredLoggingTest {

    /**
     * Log events from the JVM's start to "Started": 26 on a first start against an empty database, whatever the
     * number of migrations (Flyway's line per migration is at WARN; one line gives the schema version); the
     * ceiling leaves room for a few more lines before a noisy start fails the build.
     */
    private static final int QUIET_START_EVENTS = 30;

    @TempDir
    Path workDir;

    @Test
    void everyLineIsOneEcsJsonObjectAndTheStartIsQuiet() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = workDir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DoseLedgerApplication.class.getName(),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + TestPostgres.newDatabase(),
                        "--spring.datasource.username=postgres",
                        "--ledger.data-dir=" + workDir.resolve("data"),
                        "--ledger.integrity.sealing=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        Process service = builder.start();
        try {
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .failFast("service exited; see " + log, () -> !service.isAlive())
                    .until(() -> http.get("/actuator/health/readiness").send().status() == 200);
            http.get("/api/practices")
                    .header("X-Request-Id", "structured-log-check")
                    .send();
        } finally {
            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.has("@timestamp")).as(line).isTrue();
            assertThat(field(event, "log", "level")).as(line).isNotEmpty();
            assertThat(field(event, "service", "name")).as(line).isEqualTo("dose-ledger");
            assertThat(event.has("message")).as(line).isTrue();
            events.add(event);
        }
        int started = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).get("message").asText().startsWith("Started DoseLedgerApplication")) {
                started = i;
            }
        }
        assertThat(started).as("the service logged that it started").isNotNegative();
        System.out.println("log events up to 'Started' on a first start: " + (started + 1));
        assertThat(started + 1).as("log events up to 'Started'").isLessThanOrEqualTo(QUIET_START_EVENTS);
        assertThat(events)
                .as("the first start's admin key notice is an event like any other, without the secret")
                .anySatisfy(event -> assertThat(event.get("message").asText()).contains("an ADMIN API key (id "));
    }

    /** Spring Boot writes ECS fields flat ({@code "log.level"}) or nested ({@code "log":{"level"}}) by version. */
    private static String field(JsonNode event, String parent, String child) {
        JsonNode flat = event.get(parent + "." + child);
        if (flat != null) {
            return flat.asText();
        }
        JsonNode nested = event.path(parent).path(child);
        return nested.isMissingNode() ? "" : nested.asText();
    }
}
