package org.doseledger.api.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.app.Gatling$;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doseledger.api.DoseLedgerApplication;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Ingest over REST against plain JDBC (docs/benchmarks.md): client registrations (one event each, a new
 * stream, no contention between requests: every client writes into a practice of its own) sent as single
 * requests and in batches by 1, 8 and 32 concurrent clients, beside the same number of threads inserting
 * rows of the same size into a plain table of the same PostgreSQL, one row per transaction. Then, at the
 * largest concurrency, single requests at a constant rate of half of the peak, to read the latency there.
 * The HTTP load driver is Gatling ({@link IngestSimulation}), run in this JVM once per measured run: closed
 * loops of N virtual users for the peak runs, an open constant-rate injection for the paced one, so a late
 * answer does not delay the requests after it. The JDBC baseline keeps its own pool of platform threads.
 */
public final class IngestBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestBenchmark() {}

    /**
     * What to run: the concurrency levels, the measured writes per client thread at each, and the items per
     * batch request (0: no batches).
     */
    public record Settings(List<Integer> clients, int writesPerClient, int warmupPerClient, int batch) {

        public Settings {
            if (batch > 1 && (writesPerClient % batch != 0 || warmupPerClient % batch != 0)) {
                throw new IllegalArgumentException(String.format(
                        "benchmark.writes (%d) and benchmark.warmup (%d) must be multiples of benchmark.batch (%d)",
                        writesPerClient, warmupPerClient, batch));
            }
        }

        static Settings fromSystemProperties() {
            return new Settings(
                    Arrays.stream(System.getProperty("benchmark.clients", "1,8,32")
                                    .split(","))
                            .map(String::trim)
                            .map(Integer::valueOf)
                            .toList(),
                    Integer.getInteger("benchmark.writes", 200),
                    Integer.getInteger("benchmark.warmup", 20),
                    Integer.getInteger("benchmark.batch", 10));
        }
    }

    /** One measured run: who wrote, how many events, how long, and the latency of each write. */
    public record Run(String what, int clients, long events, double seconds, Latencies latency) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * @param serviceDebugLogging whether the service's debug messages were being built at the end of the runs (they
     *     must not be: a load driver that switches them on measures the logging, see {@link #restoreLogging})
     */
    public record Result(int rowBytes, List<Run> runs, String text, boolean serviceDebugLogging) {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
        Files.createDirectories(output);
        Path workDir = Files.createTempDirectory(output, "ingest-db");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .start()) {
            Path gatling = output.resolve("gatling");
            FileSystemUtils.deleteRecursively(gatling);
            Result result = run(postgres.getJdbcUrl("postgres", "postgres"), settings, workDir, gatling);
            Files.writeString(output.resolve("ingest.md"), result.text());
            System.out.println(result.text());
        }
        FileSystemUtils.deleteRecursively(workDir);
        // the service's executors are not all daemon threads; the report is written, so end here
        System.exit(0);
    }

    /** Runs it all; Gatling writes a report for each of its runs into a directory of its own under {@code reports}. */
    public static Result run(String jdbcUrl, Settings settings, Path workDir, Path reports) throws Exception {
        Path dataDir = workDir.resolve("service");
        int most = settings.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
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
            String base = "http://127.0.0.1:" + running.getEnvironment().getProperty("local.server.port");
            String admin =
                    Files.readString(dataDir.resolve("initial-admin-key")).trim();
            List<IngestSimulation.Writer> writers = new ArrayList<>();
            HttpClient setup =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < most; i++) {
                String practice =
                        "ingest-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                post(setup, base + "/api/practices", admin, practice(practice));
                String key = JSON.readTree(post(
                                setup,
                                base + "/api/admin/api-keys",
                                admin,
                                "{\"role\":\"PRACTICE_WRITER\",\"label\":\"bench\",\"practiceId\":\"" + practice
                                        + "\"}"))
                        .get("apiKey")
                        .asText();
                writers.add(new IngestSimulation.Writer(practice, key));
            }
            GatlingDriver rest = new GatlingDriver(base, writers, reports, () -> restoreLogging(running));

            PGSimpleDataSource database = new PGSimpleDataSource();
            database.setURL(jdbcUrl);
            database.setUser("postgres");
            JdbcTemplate sql = new JdbcTemplate(database);

            // warm the service (and Gatling) up on every writer, then measure the size of what a registration stores
            rest.run("warm-up", most, settings.warmupPerClient(), 1, 0);
            if (settings.batch() > 1) {
                rest.run("warm-up, batches", most, settings.warmupPerClient(), settings.batch(), 0);
            }
            int rowBytes = sql.queryForObject(
                    "select avg(pg_column_size(e.*))::int from domain_event_entry e"
                            + " where payload_type like '%ClientRegisteredEvent'",
                    Integer.class);
            sql.execute("create table ingest_baseline (id bigserial primary key, payload bytea not null)");
            byte[] payload = new byte[rowBytes];
            new Random(42).nextBytes(payload);
            jdbc(database, payload, most, settings.warmupPerClient());

            List<Run> runs = new ArrayList<>();
            double peak = 0;
            for (int clients : settings.clients()) {
                runs.add(jdbc(database, payload, clients, settings.writesPerClient()));
                Run single = rest.run("REST", clients, settings.writesPerClient(), 1, 0);
                runs.add(single);
                peak = Math.max(peak, single.eventsPerSecond());
                if (settings.batch() > 1) {
                    runs.add(rest.run(
                            "REST, batches of " + settings.batch(),
                            clients,
                            settings.writesPerClient(),
                            settings.batch(),
                            0));
                }
            }
            double half = IngestSimulation.Plan.pace(most * settings.writesPerClient(), peak / 2);
            runs.add(rest.run(
                    String.format("REST, paced at %,.0f events/s (half of the peak)", half),
                    most,
                    settings.writesPerClient(),
                    1,
                    half));
            return new Result(
                    rowBytes,
                    runs,
                    report(rowBytes, runs),
                    LoggerFactory.getLogger("org.springframework.web").isDebugEnabled());
        }
    }

    /**
     * Runs {@link IngestSimulation} in this JVM through Gatling's command-line entry point, one results directory
     * per run (its simulation.log and HTML report), and reads the run's statistics back from that log. A failed
     * request (status other than 201, or an answer without its events) fails the benchmark; it is never averaged
     * in, and neither is a run that sent fewer requests than planned.
     */
    static final class GatlingDriver {

        private final String baseUrl;
        private final List<IngestSimulation.Writer> writers;
        private final Path reports;
        private final Runnable restoreLogging;
        private int runs;

        GatlingDriver(String baseUrl, List<IngestSimulation.Writer> writers, Path reports, Runnable restoreLogging) {
            this.baseUrl = baseUrl;
            this.restoreLogging = restoreLogging;
            this.writers = writers;
            this.reports = reports;
        }

        /**
         * {@code writes} registrations from each of {@code clients} writers, {@code batch} to a request (1: single
         * requests to {@code /clients}); {@code rate} events/s in all for an open run of single requests (0: a
         * closed run, as fast as answered). Latency is per request.
         */
        Run run(String what, int clients, int writes, int batch, double rate) throws IOException {
            IngestSimulation.Plan plan =
                    new IngestSimulation.Plan(baseUrl, writers.subList(0, clients), writes / batch, batch, rate);
            Path results = Files.createDirectories(reports.resolve(String.format(
                    "%02d-%s-%d", ++runs, what.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", ""), clients)));
            IngestSimulation.plan(plan);
            int status = Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation",
                IngestSimulation.class.getName(),
                "--results-folder",
                results.toAbsolutePath().toString(),
                "--run-description",
                what + ", " + clients + " clients"
            });
            restoreLogging.run();
            GatlingStats stats = GatlingStats.read(results);
            if (status != 0 || stats.ko() > 0 || stats.ok() != plan.requests()) {
                throw new IllegalStateException(String.format(
                        "Gatling run \"%s\" at %d clients: status %d, %d of %d requests OK, %d KO %s; report in %s",
                        what, clients, status, stats.ok(), plan.requests(), stats.ko(), stats.errors(), results));
            }
            return new Run(what, clients, stats.ok() * batch, IngestSimulation.seconds(), stats.latency());
        }
    }

    /** The baseline: one row of the same size per transaction, each thread on a connection of its own. */
    /**
     * Gatling's run leaves logback reset: the root logger at DEBUG with no appender, so that the service, sharing
     * this JVM, built every debug message of every later request and dropped it (Spring MVC alone formatted each
     * request body for a debug line), and the REST runs after the first measured that. The service's logging is
     * initialized again from its own settings after each run.
     */
    static void restoreLogging(ConfigurableApplicationContext service) {
        ConfigurableEnvironment environment = service.getEnvironment();
        LoggingSystem logging = LoggingSystem.get(IngestBenchmark.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
        Binder.get(environment)
                .bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
                .orElse(Map.of())
                .forEach((name, level) -> logging.setLogLevel(name.equalsIgnoreCase("root") ? null : name, level));
    }

    private static Run jdbc(PGSimpleDataSource database, byte[] payload, int clients, int writes) throws Exception {
        List<Callable<long[]>> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tasks.add(() -> {
                long[] nanos = new long[writes];
                try (Connection connection = database.getConnection();
                        PreparedStatement insert =
                                connection.prepareStatement("insert into ingest_baseline (payload) values (?)")) {
                    for (int i = 0; i < writes; i++) {
                        long start = System.nanoTime();
                        insert.setBytes(1, payload);
                        insert.executeUpdate();
                        nanos[i] = System.nanoTime() - start;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return nanos;
            });
        }
        return measure("**Baseline**: plain JDBC insert", clients, writes, writes, tasks);
    }

    private static Run measure(String what, int clients, int writes, int requests, List<Callable<long[]>> tasks)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<long[]>> futures = pool.invokeAll(tasks);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = new long[clients * requests];
            int at = 0;
            for (Future<long[]> future : futures) {
                long[] nanos = future.get();
                System.arraycopy(nanos, 0, all, at, nanos.length);
                at += nanos.length;
            }
            return new Run(what, clients, (long) clients * writes, seconds, Latencies.of(all));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String report(int rowBytes, List<Run> runs) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "Event row of a registration: %d bytes on average (`pg_column_size` of the stored row);"
                        + " the baseline inserts a bytea of that size. REST latencies are Gatling's, in whole"
                        + " milliseconds; the baseline's are measured to the nanosecond.%n%n",
                rowBytes));
        text.append(
                "| Writer | Clients | Events | Time | Events/s | REST / JDBC | p50 ms | p99 ms | max ms (per request) |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double baseline = 0;
        for (Run run : runs) {
            boolean isBaseline = run.what().contains("Baseline");
            if (isBaseline) {
                baseline = run.eventsPerSecond();
            }
            String ms = isBaseline ? "%.2f" : "%.0f";
            text.append(String.format(
                    "| %s | %d | %,d | %.2f s | %,.0f | %s | " + ms + " | " + ms + " | " + ms + " |%n",
                    run.what(),
                    run.clients(),
                    run.events(),
                    run.seconds(),
                    run.eventsPerSecond(),
                    isBaseline || run.what().contains("paced")
                            ? ""
                            : String.format("%.3f", run.eventsPerSecond() / baseline),
                    run.latency().p50(),
                    run.latency().p99(),
                    run.latency().max()));
        }
        return text.toString();
    }

    private static String practice(String id) {
        return """
                {"practiceId":"%s","name":"Bench Clinic","address":{"line1":"1 Main St","city":"Springfield",
                 "state":"IL","postalCode":"62701"},"deaNumber":"%s","deaRegistrationExpiresOn":"2028-06-30",
                 "authorizedSchedules":["III","IIIN"],"timeZone":"America/Chicago"}
                """.formatted(id, org.doseledger.api.support.Bodies.deaNumberOf(id));
    }

    static String client() {
        return """
                {"clientId":"c-%s","legalName":{"given":"Ada","family":"Lovelace"},"dateOfBirth":"1985-12-10",
                 "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62702"},
                 "occurredAt":"2026-11-20T15:00:00Z"}
                """.formatted(UUID.randomUUID());
    }

    private static String post(HttpClient http, String url, String key, String body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
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
