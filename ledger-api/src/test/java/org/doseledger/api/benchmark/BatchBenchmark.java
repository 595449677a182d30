package org.doseledger.api.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.doseledger.api.DoseLedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Batch writes beside single requests (docs/benchmarks.md): the same client registrations, each one
 * write of one event, sent one request at a time and in batches of 10, 50 and 100, over HTTP to the
 * service on its embedded database with durable commits. Sequential, one client thread; each mode gets
 * a warm-up of its own first.
 */
public final class BatchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchBenchmark() {}

    /** Writes per second and events per second of one mode. */
    public record Mode(String name, int writes, long events, double seconds) {

        double writesPerSecond() {
            return writes / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    public record Result(List<Mode> modes, String text) {}

    public static void main(String[] args) throws Exception {
        int writes = Integer.getInteger("benchmark.writes", 2_000);
        Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
        Files.createDirectories(output);
        Path workDir = Files.createTempDirectory(output, "batch-db");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            Result result = run(postgres.getJdbcUrl("postgres", "postgres"), writes, List.of(10, 50, 100), workDir);
            Files.writeString(output.resolve("batch.md"), result.text());
            System.out.println(result.text());
        }
        FileSystemUtils.deleteRecursively(workDir);
        // the service's executors are not all daemon threads; the report is written, so end here
        System.exit(0);
    }

    public static Result run(String jdbcUrl, int writes, List<Integer> batchSizes, Path workDir) throws IOException {
        Path dataDir = workDir.resolve("service");
        // command-line arguments: they take precedence over application.properties (default properties do not)
        try (ConfigurableApplicationContext running = new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.integrity.sealing=false",
                        "--ledger.rate-limit.enabled=false",
                        "--logging.level.root=WARN")) {
            Service service = new Service(
                    "http://localhost:" + running.getEnvironment().getProperty("local.server.port"),
                    Files.readString(dataDir.resolve("initial-admin-key")).trim());
            String practice = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            service.post("/api/practices", service.admin, """
                    {"practiceId":"%s","name":"Bench Clinic","address":{"line1":"1 Main St","city":"Springfield",
                     "state":"IL","postalCode":"62701"},"deaNumber":"%s","deaRegistrationExpiresOn":"2028-06-30",
                     "authorizedSchedules":["III","IIIN"],"timeZone":"America/Chicago"}
                    """.formatted(
                            practice, org.doseledger.api.support.Bodies.deaNumberOf(practice)));
            String writer = JSON.readTree(service.post(
                            "/api/admin/api-keys",
                            service.admin,
                            "{\"role\":\"PRACTICE_WRITER\",\"label\":\"bench\",\"practiceId\":\"" + practice + "\"}"))
                    .get("apiKey")
                    .asText();
            String base = "/api/practices/" + practice;
            int warmup = Math.max(10, writes / 10);
            List<Mode> modes = new ArrayList<>();
            measure(service, writer, base, "warm-up", warmup, 1);
            modes.add(measure(service, writer, base, "single requests", writes, 1));
            for (int size : batchSizes) {
                measure(service, writer, base, "warm-up", warmup, size);
                modes.add(measure(service, writer, base, "batches of " + size, writes, size));
            }
            return new Result(modes, report(modes));
        }
    }

    private static Mode measure(Service service, String writer, String base, String name, int writes, int size)
            throws IOException {
        long events = 0;
        long start = System.nanoTime();
        for (int sent = 0; sent < writes; sent += size) {
            int count = Math.min(size, writes - sent);
            if (size == 1) {
                JsonNode receipt = JSON.readTree(service.post(base + "/clients", writer, client()));
                events += receipt.get("events").size();
            } else {
                StringBuilder batch = new StringBuilder("{\"items\":[");
                for (int i = 0; i < count; i++) {
                    batch.append(i == 0 ? "" : ",")
                            .append("{\"method\":\"POST\",\"path\":\"/clients\",\"body\":")
                            .append(client())
                            .append('}');
                }
                JsonNode answer = JSON.readTree(service.post(
                        base + "/batches", writer, batch.append("]}").toString()));
                for (JsonNode item : answer.get("items")) {
                    events += item.get("receipt").get("events").size();
                }
            }
        }
        return new Mode(name, writes, events, (System.nanoTime() - start) / 1e9);
    }

    private static String client() {
        return """
                {"clientId":"c-%s","legalName":{"given":"Ada","family":"Lovelace"},"dateOfBirth":"%s",
                 "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62702"},
                 "occurredAt":"2026-11-20T15:00:00Z"}
                """.formatted(UUID.randomUUID(), LocalDate.of(1985, 12, 10));
    }

    private static String report(List<Mode> modes) {
        Map<String, String> rows = new LinkedHashMap<>();
        double single = modes.get(0).writesPerSecond();
        for (Mode mode : modes) {
            rows.put(
                    mode.name(),
                    String.format(
                            "| %s | %,d | %,d | %.2f s | %,.0f | %,.0f | %.1f |",
                            mode.name(),
                            mode.writes(),
                            mode.events(),
                            mode.seconds(),
                            mode.writesPerSecond(),
                            mode.eventsPerSecond(),
                            mode.writesPerSecond() / single));
        }
        return "| Mode | Writes | Events | Time | Writes/s | Events/s | × single |\n|---|---|---|---|---|---|---|\n"
                + String.join("\n", rows.values()) + "\n";
    }

    private static final class Service {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String admin;

        Service(String base, String admin) {
            this.base = base;
            this.admin = admin;
        }

        String post(String path, String key, String body) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(
                            path + " answered " + response.statusCode() + ": " + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
