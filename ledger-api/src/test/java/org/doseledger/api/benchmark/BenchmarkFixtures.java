package org.doseledger.api.benchmark;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.doseledger.api.integrity.BenchmarkAccess;
import org.doseledger.api.integrity.IntegrityProperties;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.RecordCountCommand;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.Supplier;
import org.doseledger.projections.support.StreamingProcessors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data preparation of the hand-timed benchmarks, for the JMH benchmarks in {@code benchmark.jmh}:
 * {@link LedgerGenerator}'s practices, {@link EventSink}'s rows, {@link IntegrityBenchmark}'s plain read
 * and the integrity service without the rest of the ledger, and {@link CatchUp}.
 */
public final class BenchmarkFixtures {

    /** The practice of {@link LedgerGenerator}'s first day that the stock lots belong to. */
    public static final String PRACTICE = "practice-01";

    private static final Quantity FIFTY_ML = Quantity.of("50", StockUnit.ML);

    private BenchmarkFixtures() {}

    /** The tamper-evidence benchmark's realistic ledger: 20 practices of 150 clients, about {@code events}. */
    public static long writeLedger(DataSource database, long events) {
        return new LedgerGenerator(new LedgerGenerator.Shape(20, 150, events, 42), database)
                .generate()
                .events();
    }

    /** Applies the service's migrations to a benchmark's own database. */
    public static void migrate(DataSource database) {
        org.flywaydb.core.Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** The sealer and the verifier, with the signing key kept under {@code dataDir}. */
    public static BenchmarkAccess integrity(DataSource database, Path dataDir) {
        return BenchmarkAccess.of(
                new JdbcTemplate(database),
                database,
                new IntegrityProperties(null, null, null, true, Duration.ofMinutes(1), Duration.ZERO),
                IntegrityBenchmark.ledgerProperties(dataDir),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    /** Every event row with every column verification reads, through one cursor; returns how many. */
    public static long readPlain(DataSource database, Consumer<StoredEvent> each) {
        return IntegrityBenchmark.readPlain(new JdbcTemplate(database), each);
    }

    /** A ketamine lot in {@link #PRACTICE}'s safe. */
    public static StockLotRef lot(String lotNumber) {
        return new StockLotRef(PracticeId.of(PRACTICE), "safe-1", LedgerGenerator.KETAMINE_NDC, lotNumber);
    }

    /**
     * The long-stream benchmark's ledger: {@link LedgerGenerator}'s first day (the practice, its
     * products, locations and practitioners), then each lot received (50 mL), the first of them followed
     * by {@code prior - 1} witnessed counts that match the balance, so that it has {@code prior} events.
     */
    public static void writeLots(DataSource database, long prior, StockLotRef longLot, Iterable<StockLotRef> fresh) {
        new LedgerGenerator(new LedgerGenerator.Shape(1, 1, 1, 42), database).generate();
        EventSink sink = new EventSink(database, new SeededIds(7));
        SeededIds ids = new SeededIds(8);
        receive(sink, ids, longLot);
        for (long i = 0; i < prior - 1; i++) {
            Instant at = Instant.parse("2025-01-01T17:00:00Z").plusSeconds(60 * i);
            sink.append(
                    "StockLot",
                    longLot.aggregateId(),
                    new StockCountedEvent(
                            longLot,
                            ids.uuid(),
                            CountKind.ROUTINE,
                            CountTiming.CLOSE_OF_BUSINESS,
                            FIFTY_ML,
                            FIFTY_ML,
                            Quantity.zero(StockUnit.ML),
                            true,
                            "rn-1",
                            "rn-2",
                            at,
                            null),
                    sink.request("bench", "rn-1", at.plusSeconds(5)));
        }
        for (StockLotRef lot : fresh) {
            receive(sink, ids, lot);
        }
        sink.flush();
    }

    /** A witnessed routine count of 50 mL, which matches the balance of every lot {@link #writeLots} writes. */
    public static RecordCountCommand matchingCount(StockLotRef lot, Instant now) {
        return new RecordCountCommand(
                lot,
                UUID.randomUUID().toString(),
                CountKind.ROUTINE,
                CountTiming.CLOSE_OF_BUSINESS,
                FIFTY_ML,
                true,
                "rn-1",
                "rn-2",
                now,
                null);
    }

    /** Waits until every streaming read model of the running service has caught up. */
    public static void awaitCatchUp(StreamingProcessors processors, Duration timeout) throws InterruptedException {
        CatchUp.await(processors, timeout);
    }

    private static void receive(EventSink sink, SeededIds ids, StockLotRef lot) {
        Instant at = Instant.parse("2025-01-01T15:00:00Z");
        PostalAddress address = new PostalAddress("12 Elm St", null, "Springfield", "IL", "62702");
        sink.append(
                "StockLot",
                lot.aggregateId(),
                new StockReceivedEvent(
                        lot,
                        ids.uuid(),
                        Substance.KETAMINE,
                        new Strength(new BigDecimal("50"), StockUnit.ML),
                        LocalDate.parse("2030-01-01"),
                        5,
                        Quantity.of("10", StockUnit.ML),
                        FIFTY_ML,
                        new BigDecimal("2500"),
                        new Supplier("Henry Schein", address, "AB1234563"),
                        "INV-" + lot.lotNumber(),
                        "rn-1",
                        FIFTY_ML,
                        at,
                        null),
                sink.request("bench", "rn-1", at.plusSeconds(20)));
    }
}
