package org.doseledger.api.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.support.StreamingProcessors;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * A long stream (docs/benchmarks.md): the latency of the same command on a stock lot with many prior
 * events and on a fresh lot. The long lot's history (a receipt, then counts) is written straight into
 * {@code domain_event_entry} by {@link EventSink}, as the service stores it; the practice, its products,
 * locations and practitioners come from {@link LedgerGenerator}'s first day. The service then runs on
 * the database in this JVM with its default snapshot threshold, and a witnessed count is recorded on
 * each lot through {@link LedgerWriter} in a transaction, the path every REST write takes after the web
 * layer, in rounds ordered long, fresh, fresh, long so that neither lot always goes first.
 */
public final class StreamBenchmark {

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);
    private static final String PRACTICE = "practice-01";
    private static final Quantity FIFTY_ML = Quantity.of("50", StockUnit.ML);

    private StreamBenchmark() {}

    /**
     * @param firstLoadMillis the first command on the long lot, which reads its whole stream (no
     *     snapshot yet) and triggers the snapshot
     */
    public record Result(long priorEvents, double firstLoadMillis, Latencies longLot, Latencies freshLot, String text) {

        public double ratioP50() {
            return longLot.p50() / freshLot.p50();
        }

        public double ratioP99() {
            return longLot.p99() / freshLot.p99();
        }
    }

    public static void main(String[] args) throws Exception {
        long prior = Long.getLong("benchmark.prior", 100_000);
        int commands = Integer.getInteger("benchmark.commands", 1_000);
        Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
        Files.createDirectories(output);
        Path workDir = Files.createTempDirectory(output, "stream-db");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            Result result = run(postgres.getJdbcUrl("postgres", "postgres"), prior, commands, workDir);
            Files.writeString(output.resolve("stream.md"), result.text());
            System.out.println(result.text());
        }
        FileSystemUtils.deleteRecursively(workDir);
        // the service's executors are not all daemon threads; the report is written, so end here
        System.exit(0);
    }

    public static Result run(String jdbcUrl, long prior, int commands, Path workDir)
            throws IOException, InterruptedException {
        DataSource database = new DriverManagerDataSource(jdbcUrl, "postgres", "");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        StockLotRef longLot = BenchmarkFixtures.lot("LONG-1");
        StockLotRef freshLot = BenchmarkFixtures.lot("FRESH-1");
        long started = System.nanoTime();
        // one practice's first day (the practice, its products, locations and practitioners), then the lots
        BenchmarkFixtures.writeLots(database, prior, longLot, List.of(freshLot));
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        log("wrote %,d events on the long lot in %.1f s", prior, writeSeconds);

        Path dataDir = workDir.resolve("service");
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
            // the read models first take in the long history; measure once they are idle
            long catchUp = System.nanoTime();
            CatchUp.await(running.getBean(StreamingProcessors.class), CATCH_UP_TIMEOUT);
            log("read models caught up in %.1f s", (System.nanoTime() - catchUp) / 1e9);
            Writer writer = new Writer(
                    running.getBean(LedgerWriter.class),
                    new TransactionTemplate(running.getBean(PlatformTransactionManager.class)));
            double firstLoad = writer.count(longLot) / 1e6;
            log("first command on the long lot (whole stream read, snapshot taken after it): %.1f ms", firstLoad);
            int warmup = Math.max(10, commands / 10);
            for (int i = 0; i < warmup; i++) {
                writer.count(longLot);
                writer.count(freshLot);
            }
            List<Long> onLong = new ArrayList<>();
            List<Long> onFresh = new ArrayList<>();
            int rounds = Math.max(1, commands / 50);
            int perRound = Math.max(1, commands / rounds / 2);
            for (int round = 0; round < rounds; round++) {
                boolean longFirst = round % 2 == 0;
                for (int half = 0; half < 2; half++) {
                    boolean onLongLot = longFirst == (half == 0);
                    for (int i = 0; i < perRound; i++) {
                        (onLongLot ? onLong : onFresh).add(writer.count(onLongLot ? longLot : freshLot));
                    }
                }
            }
            Latencies longLatency =
                    Latencies.of(onLong.stream().mapToLong(Long::longValue).toArray());
            Latencies freshLatency =
                    Latencies.of(onFresh.stream().mapToLong(Long::longValue).toArray());
            String text = report(prior, writeSeconds, firstLoad, longLatency, freshLatency);
            return new Result(prior, firstLoad, longLatency, freshLatency, text);
        }
    }

    private static String report(
            long prior, double writeSeconds, double firstLoad, Latencies onLong, Latencies onFresh) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "Long lot: %,d prior events (a receipt and counts), written in %.1f s. First command on it, "
                        + "reading the whole stream before any snapshot: %.1f ms.%n%n",
                prior, writeSeconds, firstLoad));
        out.append("| Lot | Commands | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        row(out, "long lot (" + String.format("%,d", prior) + " prior events)", onLong);
        row(out, "**baseline**: fresh lot (1 prior event)", onFresh);
        out.append(String.format(
                "%nLong / fresh: p50 %.2f, p99 %.2f (target under 1.5).%n",
                onLong.p50() / onFresh.p50(), onLong.p99() / onFresh.p99()));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Latencies latencies) {
        out.append(String.format(
                "| %s | %,d | %.2f | %.2f | %.2f | %.2f |%n",
                name, latencies.count(), latencies.p50(), latencies.p95(), latencies.p99(), latencies.max()));
    }

    private static void log(String format, Object... args) {
        System.out.printf("[stream-benchmark] " + format + "%n", args);
    }

    /** Records a witnessed count that matches the balance, as a write does after the web layer. */
    private static final class Writer {

        private final LedgerWriter writer;
        private final TransactionTemplate transactions;
        private final ApiCredential credential =
                ApiCredential.of("bench", Role.PRACTICE_WRITER, Set.of(PracticeId.of(PRACTICE)));

        Writer(LedgerWriter writer, TransactionTemplate transactions) {
            this.writer = writer;
            this.transactions = transactions;
        }

        /** Nanoseconds from sending the command to its commit. */
        long count(StockLotRef lot) {
            long start = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                Instant now = Instant.now();
                writer.send(
                        new WriteContext(credential, UUID.randomUUID().toString(), null, "rn-1", now),
                        BenchmarkFixtures.matchingCount(lot, now));
            });
            return System.nanoTime() - start;
        }
    }
}
