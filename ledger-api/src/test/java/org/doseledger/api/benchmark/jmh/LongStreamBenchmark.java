package org.doseledger.api.benchmark.jmh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.benchmark.BenchmarkFixtures;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.write.AppendedEvent;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.stock.api.RecordCountCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.support.StreamingProcessors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A long stream (benchmark 4 of the suite), as {@code StreamBenchmark} measures it: one witnessed
 * {@link RecordCountCommand} that matches the balance, sent through {@link LedgerWriter} in a
 * transaction (every REST write's path after the web layer), on a stock lot with {@code prior} events
 * and on a fresh lot. The service runs in the fork on a database prepared once per server, with its
 * default snapshot threshold; measuring starts once every read model has caught up. Fresh lots are
 * taken in turn from a pool, so that none of them grows a history of its own during the run.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class LongStreamBenchmark {

    static final int FRESH_LOTS = 500;
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);
    private static final Quantity FIFTY_ML = Quantity.of("50", StockUnit.ML);
    private static final StockLotRef LONG_LOT = BenchmarkFixtures.lot("LONG-1");
    private static final List<StockLotRef> FRESH = IntStream.rangeClosed(1, FRESH_LOTS)
            .mapToObj(n -> BenchmarkFixtures.lot(String.format("FRESH-%03d", n)))
            .toList();

    /** The service, started on the prepared database in this JVM. */
    @State(Scope.Benchmark)
    public static class Service {

        @Param("100000")
        public long prior;

        private ConfigurableApplicationContext running;
        private LedgerWriter writer;
        private TransactionTemplate transactions;
        private int nextFresh;
        private final ApiCredential credential =
                ApiCredential.of("bench", Role.PRACTICE_WRITER, Set.of(PracticeId.of(BenchmarkFixtures.PRACTICE)));

        @Setup(Level.Trial)
        public void start() throws InterruptedException {
            String name = "jmh_stream_" + prior;
            PreparedDatabases.prepare(name, database -> BenchmarkFixtures.writeLots(database, prior, LONG_LOT, FRESH));
            // command-line arguments: they take precedence over application.properties (default properties do not)
            running = new SpringApplicationBuilder(DoseLedgerApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + PreparedDatabases.url(name),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--ledger.data-dir=" + PreparedDatabases.work(name + "_service"),
                            "--ledger.integrity.sealing=false",
                            "--ledger.rate-limit.enabled=false",
                            "--logging.level.root=WARN");
            // the first fork on a new database waits for the read models to take in the long history
            BenchmarkFixtures.awaitCatchUp(running.getBean(StreamingProcessors.class), CATCH_UP_TIMEOUT);
            writer = running.getBean(LedgerWriter.class);
            transactions = new TransactionTemplate(running.getBean(PlatformTransactionManager.class));
            // the first command on the long lot reads its whole stream (seconds) and leads to its first
            // snapshot: done here, so that warm-up and measurement see the lot as a running service does
            count(LONG_LOT);
        }

        @TearDown(Level.Trial)
        public void stop() {
            running.close();
        }

        StockLotRef nextFreshLot() {
            return FRESH.get(nextFresh++ % FRESH.size());
        }

        /** Records a witnessed count that matches the balance, as a write does after the web layer. */
        List<AppendedEvent> count(StockLotRef lot) {
            return transactions.execute(status -> {
                Instant now = Instant.now();
                return writer.send(
                        new WriteContext(credential, UUID.randomUUID().toString(), null, "rn-1", now),
                        BenchmarkFixtures.matchingCount(lot, now));
            });
        }
    }

    /** The lot with {@code prior} events: its snapshot and the events after it are loaded. */
    @Benchmark
    public List<AppendedEvent> longLot(Service service) {
        return service.count(LONG_LOT);
    }

    /** Baseline: a lot with its receipt and at most a few counts. */
    @Benchmark
    public List<AppendedEvent> freshLot(Service service) {
        return service.count(service.nextFreshLot());
    }
}
