package org.doseledger.api.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.api.integrity.BenchmarkAccess;
import org.doseledger.api.integrity.IntegrityProperties;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.VerificationReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The tamper-evidence benchmark (docs/benchmarks.md): verification throughput against reading the same
 * rows with plain JDBC, and what the hashing trigger adds to appending one event in its own
 * transaction, against the same insert into a table without it, interleaved in one run.
 */
public final class IntegrityBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntegrityBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("benchmark.events", 200_000);
        int appends = Integer.getInteger("benchmark.appends", 2_000);
        int writes = Integer.getInteger("benchmark.writes", 3_000);
        Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
        Files.createDirectories(output);
        Path workDir = Files.createTempDirectory(output, "integrity-db");
        boolean realistic = !"synthetic".equals(System.getProperty("benchmark.ledger", "realistic"));
        String report = run(realistic, events, appends, writes, workDir);
        Files.writeString(output.resolve("integrity.md"), report);
        System.out.println(report);
        FileSystemUtils.deleteRecursively(workDir);
        // the service's executors are not all daemon threads; the report is written, so end here
        System.exit(0);
    }

    public static String run(int events, int appends, Path workDir) throws IOException, SQLException {
        return run(false, events, appends, 0, workDir);
    }

    public static String run(boolean realistic, int events, int appends, int writes, Path workDir)
            throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            DataSource database = postgres.getPostgresDatabase();
            BenchmarkFixtures.migrate(database);
            JdbcTemplate jdbc = new JdbcTemplate(database);
            StringBuilder out = new StringBuilder();
            out.append("| Measure | Result |\n|---|---|\n");

            long start = System.nanoTime();
            long written;
            String kind;
            if (realistic) {
                written = new LedgerGenerator(new LedgerGenerator.Shape(20, 150, events, 42), database)
                        .generate()
                        .events();
                kind = "the read-side benchmark's generated practices";
            } else {
                generate(database, events);
                written = events;
                kind = "synthetic streams of 50 events with 1 KB payloads";
            }
            double seconds = seconds(start);
            jdbc.execute("vacuum analyze domain_event_entry");
            Long bytes = jdbc.queryForObject(
                    "select avg(octet_length(payload) + coalesce(octet_length(meta_data), 0))::bigint"
                            + " from domain_event_entry",
                    Long.class);
            row(
                    out,
                    "ledger: " + kind,
                    String.format("%,d events, payload and metadata %,d bytes on average", written, bytes));
            row(out, "ledger written, hashed by the trigger", rate(written, seconds));

            BenchmarkAccess integrity = BenchmarkAccess.of(
                    jdbc,
                    database,
                    new IntegrityProperties(null, null, null, true, Duration.ofMinutes(1), Duration.ZERO),
                    ledgerProperties(workDir),
                    Clock.systemUTC(),
                    new SimpleMeterRegistry());
            start = System.nanoTime();
            integrity.seal();
            row(out, "sealed in one checkpoint", rate(written, seconds(start)));

            long baselineRead = 0;
            double[] textRates = new double[3];
            double[] readRates = new double[3];
            double[] verifyRates = new double[3];
            VerificationReport last = null;
            for (int round = 0; round < 3; round++) {
                start = System.nanoTime();
                textRates[round] = readPlain(jdbc, false, event -> {}) / seconds(start);
                start = System.nanoTime();
                baselineRead = readPlain(jdbc);
                readRates[round] = baselineRead / seconds(start);
                start = System.nanoTime();
                last = integrity.verify();
                verifyRates[round] = last.eventsChecked() / seconds(start);
            }
            if (!last.ok() || last.eventsChecked() != written || baselineRead != written) {
                throw new IllegalStateException("the benchmark ledger did not verify: " + last);
            }
            double read = median(readRates);
            double verify = median(verifyRates);
            row(
                    out,
                    "the same rows read with plain JDBC in the driver's default text format (median of 3)",
                    rate(median(textRates)));
            row(out, "baseline: the same rows read with plain JDBC in binary format (median of 3)", rate(read));
            row(out, "verification: every hash, link, chain and checkpoint (median of 3)", rate(verify));
            row(out, "verification / plain read", String.format("%.2f", verify / read));

            List<Long> hashed = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            // the same table with every index and default, without the hashing trigger (LIKE copies no triggers)
            jdbc.execute("create table bench_plain_event (like domain_event_entry including all)");
            jdbc.execute("alter table bench_plain_event alter column previous_hash drop not null,"
                    + " alter column event_hash drop not null");
            try (Connection connection = database.getConnection()) {
                connection.setAutoCommit(false);
                for (int n = 0; n < appends; n++) {
                    int i = n;
                    // 200 streams of their own, each append continuing one, as a command on a lot does
                    String stream = "lot:bench-append:" + (i % 200);
                    long sequence = i / 200;
                    if (i % 2 == 0) {
                        hashed.add(time(() -> append(connection, "domain_event_entry", stream, sequence, i)));
                        plain.add(time(() -> append(connection, "bench_plain_event", stream, sequence, i)));
                    } else {
                        plain.add(time(() -> append(connection, "bench_plain_event", stream, sequence, i)));
                        hashed.add(time(() -> append(connection, "domain_event_entry", stream, sequence, i)));
                    }
                }
            }
            long hashedMedian = percentile(hashed, 50);
            long plainMedian = percentile(plain, 50);
            row(
                    out,
                    "append one event, own transaction, without hashing: p50 / p99",
                    micros(plainMedian) + " / " + micros(percentile(plain, 99)));
            row(
                    out,
                    "append one event, own transaction, hashed: p50 / p99",
                    micros(hashedMedian) + " / " + micros(percentile(hashed, 99)));
            row(
                    out,
                    "hashing adds to the append's median",
                    micros(hashedMedian - plainMedian)
                            + String.format(" (%.1f%%)", 100.0 * (hashedMedian - plainMedian) / plainMedian));
            if (writes > 0) {
                writePath(out, postgres, jdbc, workDir, writes);
            }
            return out.toString();
        }
    }

    /**
     * The service's whole write path (HTTP, Axon, the command's transaction), with and without the hashing
     * trigger: consents recorded for 50 clients in turn, so that each write appends to an existing stream.
     * Rounds of each alternate, so that both see the same machine.
     */
    private static void writePath(
            StringBuilder out, EmbeddedPostgres postgres, JdbcTemplate jdbc, Path workDir, int writes)
            throws IOException {
        Path dataDir = workDir.resolve("service");
        // a database of its own: on the big one the service would first replay its read models
        jdbc.execute("create database service");
        JdbcTemplate service = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                postgres.getJdbcUrl("postgres", "service"), "postgres", ""));
        // command-line arguments: they take precedence over application.properties (default properties do not)
        try (ConfigurableApplicationContext running = new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "service"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.integrity.sealing=false",
                        "--ledger.rate-limit.enabled=false",
                        "--logging.level.root=WARN")) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + running.getEnvironment().getProperty("local.server.port");
            String admin =
                    Files.readString(dataDir.resolve("initial-admin-key")).trim();
            post(http, base + "/api/practices", admin, """
                    {"practiceId":"bench","name":"Bench Clinic","address":{"line1":"1 Main St","city":"Springfield",
                     "state":"IL","postalCode":"62701"},"deaNumber":"AB1234563","deaRegistrationExpiresOn":"2028-06-30",
                     "authorizedSchedules":["III","IIIN"],"timeZone":"America/Chicago"}
                    """);
            String writer = JSON.readTree(post(
                            http,
                            base + "/api/admin/api-keys",
                            admin,
                            "{\"role\":\"PRACTICE_WRITER\",\"label\":\"bench\",\"practiceId\":\"bench\"}"))
                    .get("apiKey")
                    .asText();
            for (int c = 0; c < 50; c++) {
                post(http, base + "/api/practices/bench/clients", writer, """
                        {"clientId":"c-%d","legalName":{"given":"Ada","family":"Lovelace"},"dateOfBirth":"1985-12-10",
                         "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62702"},
                         "occurredAt":"2026-11-20T15:00:00Z"}
                        """.formatted(c));
            }
            service.execute("alter table domain_event_entry alter column previous_hash drop not null,"
                    + " alter column event_hash drop not null");
            List<Long> hashed = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            // hashed writes go to clients 0-24, unhashed ones to 25-49: a hashed event needs a hashed predecessor
            int[] written = {0, 0};
            java.util.function.IntFunction<Runnable> consent = half -> () -> post(
                    http,
                    base + "/api/practices/bench/clients/c-" + (half * 25 + written[half]++ % 25) + "/consents",
                    writer,
                    """
                    {"document":{"documentId":"KAP-CONSENT","version":"3","revisionDate":"2026-01-15"},
                     "signedAt":"2026-11-20T15:30:00Z","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                     "risksAcknowledged":["dissociation"],"routes":["IM"],"careModels":["ADMINISTERED"]}
                    """);
            for (int i = 0; i < 150; i++) {
                consent.apply(0).run();
                consent.apply(1).run();
            }
            int rounds = 12;
            for (int round = 0; round < rounds; round++) {
                // A B B A A B B A ...: neither kind always runs first, nor always on a warmer JVM
                boolean hashing = (round + 1) / 2 % 2 == 0;
                service.execute("alter table domain_event_entry " + (hashing ? "enable" : "disable")
                        + " trigger domain_event_entry_hash");
                for (int i = 0; i < writes / rounds; i++) {
                    (hashing ? hashed : plain).add(time(consent.apply(hashing ? 0 : 1)));
                }
            }
            service.execute("alter table domain_event_entry enable trigger domain_event_entry_hash");
            long hashedMedian = percentile(hashed, 50);
            long plainMedian = percentile(plain, 50);
            row(
                    out,
                    "REST write (a consent, 2 events), without hashing: p50 / p99",
                    millis(plainMedian) + " / " + millis(percentile(plain, 99)));
            row(
                    out,
                    "REST write (a consent, 2 events), hashed: p50 / p99",
                    millis(hashedMedian) + " / " + millis(percentile(hashed, 99)));
            row(
                    out,
                    "hashing adds to the write path's median",
                    millis(hashedMedian - plainMedian)
                            + String.format(" (%.1f%%)", 100.0 * (hashedMedian - plainMedian) / plainMedian));
        }
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

    private static String millis(long nanos) {
        return String.format("%,.2f ms", nanos / 1e6);
    }

    /** Streams of 50 events each with payloads and metadata the size the service writes. */
    private static void generate(DataSource database, int events) throws SQLException {
        Random random = new Random(42);
        byte[] padding = new byte[420];
        Arrays.fill(padding, (byte) 'x');
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT.formatted("domain_event_entry"))) {
                for (int i = 0; i < events; i++) {
                    int stream = i / 50;
                    bind(insert, "lot:bench-ledger:" + stream, i % 50, "event-" + i, random.nextInt(1000));
                    insert.addBatch();
                    if ((i + 1) % 2000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }

    private static final String INSERT = """
            insert into %s (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                            payload_revision, payload_type, time_stamp)
            values (?, ?, 'StockLot', ?, ?, ?, '1', 'org.doseledger.core.stock.api.DoseDrawnEvent', ?)
            """;

    private static void bind(PreparedStatement insert, String stream, long sequence, String id, int amount)
            throws SQLException {
        insert.setString(1, stream);
        insert.setLong(2, sequence);
        insert.setString(3, id);
        insert.setBytes(
                4,
                ("{\"credentialId\":\"71f44952ddf0551f\",\"idempotencyKey\":\"idem-" + id
                                + "\",\"practitionerId\":\"rn-1\",\"recordedAt\":\"2026-11-27T09:00:00.123456Z\","
                                + "\"requestId\":\"e7796f08-12ba-49e1-b0d8-" + id + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        insert.setBytes(
                5,
                ("{\"balanceAfter\":{\"amount\":48.5,\"unit\":\"ML\"},\"clientId\":\"c-1001\","
                                + "\"drawId\":\"" + id
                                + "\",\"drawnBy\":\"rn-1\",\"lateEntry\":null,\"lot\":{\"locationId\":"
                                + "\"safe-1\",\"lotNumber\":\"L2026A\",\"ndc\":\"42023-0113-10\",\"practiceId\":\"springfield\"},"
                                + "\"milligrams\":" + amount + ",\"occurredAt\":\"2026-11-20T15:30:00Z\",\"quantity\":"
                                + "{\"amount\":1.5,\"unit\":\"ML\"},\"sessionId\":\"s-1\",\"witnessedBy\":\"rn-2\","
                                + "\"note\":\"" + "x".repeat(400) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        insert.setString(6, Instant.parse("2026-11-20T15:30:00Z").toString());
    }

    private static void append(Connection connection, String table, String stream, long sequence, int i) {
        try (PreparedStatement insert = connection.prepareStatement(INSERT.formatted(table))) {
            bind(insert, stream, sequence, table + "-append-" + i, i);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every event row, all the columns verification reads, through one cursor and in the binary format
     * verification reads them in: what verification must read.
     */
    static long readPlain(JdbcTemplate jdbc) {
        return readPlain(jdbc, true, event -> {});
    }

    /** {@link #readPlain(JdbcTemplate)}, handing each row to {@code each}. */
    static long readPlain(JdbcTemplate jdbc, Consumer<StoredEvent> each) {
        return readPlain(jdbc, true, each);
    }

    /** The plain read, in binary format (as verification reads) or in the driver's default text format. */
    static long readPlain(JdbcTemplate jdbc, boolean binary, Consumer<StoredEvent> each) {
        return jdbc.execute((ConnectionCallback<Long>) connection -> {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "select global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,"
                            + " payload_revision, time_stamp, payload, meta_data, previous_hash, event_hash"
                            + " from domain_event_entry order by global_index")) {
                if (binary) {
                    // a negative prepare threshold: rows in PostgreSQL's binary format from the first execution
                    select.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                }
                select.setFetchSize(5000);
                long count = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        each.accept(new StoredEvent(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getLong(4),
                                rows.getString(5),
                                rows.getString(6),
                                rows.getString(7),
                                rows.getString(8),
                                rows.getBytes(9),
                                rows.getBytes(10),
                                rows.getBytes(11),
                                rows.getBytes(12)));
                        count++;
                    }
                }
                return count;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });
    }

    static LedgerProperties ledgerProperties(Path workDir) {
        return new LedgerProperties(
                workDir, null, Duration.ofSeconds(5), null, Duration.ofHours(1), Duration.ofMinutes(1), 100, 500);
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static long percentile(List<Long> nanos, int percent) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String rate(long events, double seconds) {
        return rate(events / seconds);
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f events/s", perSecond);
    }

    private static String micros(long nanos) {
        return String.format("%,.0f µs", nanos / 1000.0);
    }

    private static void row(StringBuilder out, String measure, String result) {
        out.append("| ").append(measure).append(" | ").append(result).append(" |\n");
    }
}
