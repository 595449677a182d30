package org.doseledger.api.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.projections.support.StreamingProcessors;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Projection replay from zero against reading the same rows with plain JDBC (docs/benchmarks.md). A
 * ledger of N events is generated straight into the event table ({@link LedgerGenerator}: practices of
 * about 50,000 events, 150 clients each); the baseline reads every row in ledger order over one
 * connection, then again deserializing every payload. The service then starts on it: its streaming read
 * models find no tokens and replay the whole ledger together, timed until each lag is 0. Then each read
 * model is replayed alone through the admin API ({@code POST /api/admin/processors/{name}/replay}),
 * timed from the call until it no longer replays and its lag is 0.
 */
public final class ReplayBenchmark {

    private static final Duration TIMEOUT = Duration.ofHours(3);

    private ReplayBenchmark() {}

    /** The ledger's size, and whether to replay each read model alone after the replay of all together. */
    public record Settings(long events, int clientsPerPractice, long seed, boolean alone) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Long.getLong("benchmark.events", 100_000),
                    Integer.getInteger("benchmark.clients", 150),
                    Long.getLong("benchmark.seed", 42),
                    Boolean.parseBoolean(System.getProperty("benchmark.alone", "true")));
        }

        int practices() {
            return (int) Math.max(1, Math.round(events / 50_000.0));
        }
    }

    /** One timed pass over the ledger. */
    public record Pass(String what, long events, double seconds) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    public record Result(long events, long deadLetters, List<Pass> passes, String text) {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
        Files.createDirectories(output);
        Path workDir = Files.createTempDirectory(output, "replay-db");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            Result result = run(postgres.getJdbcUrl("postgres", "postgres"), settings, workDir);
            Files.writeString(output.resolve("replay.md"), result.text());
            System.out.println(result.text());
        }
        FileSystemUtils.deleteRecursively(workDir);
        // the service's executors are not all daemon threads; the report is written, so end here
        System.exit(0);
    }

    public static Result run(String jdbcUrl, Settings settings, Path workDir) throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(jdbcUrl);
        database.setUser("postgres");
        database.setReWriteBatchedInserts(true);
        JdbcTemplate sql = new JdbcTemplate(database);
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LedgerGenerator.Ledger ledger = new LedgerGenerator(
                        new LedgerGenerator.Shape(
                                settings.practices(),
                                settings.clientsPerPractice(),
                                settings.events(),
                                settings.seed()),
                        database)
                .generate();
        sql.execute("vacuum analyze domain_event_entry");
        long events = sql.queryForObject("select count(*) from domain_event_entry", Long.class);

        List<Pass> passes = new ArrayList<>();
        passes.add(sequentialRead(database, false));
        passes.add(sequentialRead(database, true));

        Path dataDir = workDir.resolve("service");
        long start = System.nanoTime();
        try (ConfigurableApplicationContext running = new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.integrity.sealing=false",
                        "--ledger.rate-limit.enabled=false",
                        "--logging.level.root=WARN",
                        "--logging.level.org.doseledger.projections.support.SharedCatchUp=INFO")) {
            StreamingProcessors processors = running.getBean(StreamingProcessors.class);
            EventProcessingConfiguration processing = running.getBean(EventProcessingConfiguration.class);
            Map<String, Double> together = await(processors, processing, processors.names(), start);
            together.forEach((name, seconds) ->
                    passes.add(new Pass("replay at start, all together: `" + name + "` caught up", events, seconds)));
            passes.add(new Pass(
                    "replay at start, all " + together.size() + " read models together",
                    events,
                    together.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(0)));
            if (settings.alone()) {
                String admin =
                        Files.readString(dataDir.resolve("initial-admin-key")).trim();
                String base = "http://localhost:" + running.getEnvironment().getProperty("local.server.port");
                HttpClient http = HttpClient.newHttpClient();
                // -Dbenchmark.only=stock-lots,audit-trail replays only those alone
                List<String> only = List.of(
                                System.getProperty("benchmark.only", "").split(","))
                        .stream()
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList();
                for (String name : processors.names()) {
                    if (!only.isEmpty() && !only.contains(name)) {
                        continue;
                    }
                    long began = System.nanoTime();
                    HttpResponse<String> answer = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/admin/processors/" + name + "/replay"))
                                    .header("Authorization", "Bearer " + admin)
                                    .header(
                                            "Idempotency-Key",
                                            java.util.UUID.randomUUID().toString())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"replay benchmark\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 202) {
                        throw new IllegalStateException(
                                "replay of " + name + " answered " + answer.statusCode() + ": " + answer.body());
                    }
                    double seconds =
                            await(processors, processing, List.of(name), began).get(name);
                    passes.add(new Pass("replay alone (admin API): `" + name + "`", events, seconds));
                }
            }
            passes.add(writeFloor(sql, events));
            long deadLetters = sql.queryForObject("select count(*) from dead_letter_entry", Long.class);
            return new Result(events, deadLetters, passes, report(ledger, events, deadLetters, passes));
        }
    }

    /** The tables of the six streaming read models: what a replay from zero writes. */
    static final List<String> READ_MODEL_TABLES = List.of(
            "access_log",
            "access_log_review",
            "audit_trail",
            "audit_trail_practitioner",
            "client_timeline",
            "compliance_exception",
            "compliance_exception_review",
            "compliance_inventory_fact",
            "dosing_report_session",
            "dosing_report_draw",
            "dosing_report_draw_change",
            "dosing_report_vitals",
            "dosing_report_plan",
            "dosing_report_weight",
            "stock_lot",
            "stock_movement",
            "stock_draw",
            "stock_discrepancy");

    /**
     * The write floor: the rows the read models hold after the replay, inserted again into empty copies of their
     * tables (same columns, defaults, constraints and indexes) with one {@code insert ... select} per table, one table
     * after another on one connection, committed. A replay that ends with the same rows cannot cost PostgreSQL less
     * than this (it also reads the ledger, deserializes and decides, and a row it updates is written more than once);
     * it is the set-based ideal, measured on the same machine in the same run.
     */
    private static Pass writeFloor(JdbcTemplate sql, long events) {
        long rows = 0;
        Map<String, Double> byTable = new java.util.HashMap<>();
        for (String table : READ_MODEL_TABLES) {
            sql.execute("create table floor_" + table + " (like " + table + " including all)");
            long began = System.nanoTime();
            rows += sql.update("insert into floor_" + table + " overriding system value select * from " + table);
            byTable.put(table, (System.nanoTime() - began) / 1e9);
        }
        READ_MODEL_TABLES.forEach(table -> sql.execute("drop table floor_" + table));
        String largest = byTable.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(4)
                .map(entry -> String.format("`%s` %.1f s", entry.getKey(), entry.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
        return new Pass(
                String.format(
                        "Write floor: the read models' %,d rows inserted again into empty copies of their %d tables"
                                + " (indexes included), one `insert ... select` per table; the longest: %s",
                        rows, READ_MODEL_TABLES.size(), largest),
                events,
                byTable.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** Seconds from {@code start} until each named processor no longer replays and has a lag of 0. */
    private static Map<String, Double> await(
            StreamingProcessors processors, EventProcessingConfiguration processing, List<String> names, long start)
            throws InterruptedException {
        Map<String, Double> done = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (done.size() < names.size()) {
            for (String name : names) {
                if (!done.containsKey(name)
                        && processors.lag(name) == 0
                        && !processing
                                .eventProcessor(name, StreamingEventProcessor.class)
                                .map(StreamingEventProcessor::isReplaying)
                                .orElse(false)) {
                    done.put(name, (System.nanoTime() - start) / 1e9);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("read models did not catch up in " + TIMEOUT + ": " + done);
            }
            Thread.sleep(100);
        }
        return done;
    }

    /** Reads every event row in ledger order over one connection, optionally turning payloads into events. */
    private static Pass sequentialRead(DataSource database, boolean deserialize) throws SQLException {
        SequentialRead.Result read = SequentialRead.of(database, deserialize);
        return new Pass(
                deserialize
                        ? "Baseline: the same, and deserialize every payload with the ledger's serializer"
                        : "**Baseline**: read every event row in order, plain JDBC, one connection (fetch size 1,000)",
                read.rows(),
                read.seconds());
    }

    private static String report(LedgerGenerator.Ledger ledger, long events, long deadLetters, List<Pass> passes) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "Ledger: %,d events (%d practices; generated in %.1f s, %,.0f events/s).%n%n",
                events,
                ledger.practices().size(),
                ledger.took().toMillis() / 1e3,
                ledger.events() / (ledger.took().toMillis() / 1e3)));
        text.append("| What | Time | Events/s | Against the baseline |\n|---|---:|---:|---:|\n");
        double baseline = passes.get(0).eventsPerSecond();
        for (Pass pass : passes) {
            text.append(String.format(
                    "| %s | %.1f s | %,.0f | %.3f |%n",
                    pass.what(), pass.seconds(), pass.eventsPerSecond(), pass.eventsPerSecond() / baseline));
        }
        text.append(String.format("%nDead letters after the replays: %d.%n", deadLetters));
        return text.toString();
    }
}
