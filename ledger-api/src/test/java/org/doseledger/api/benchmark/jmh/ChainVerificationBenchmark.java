package org.doseledger.api.benchmark.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.doseledger.api.benchmark.BenchmarkFixtures;
import org.doseledger.api.integrity.BenchmarkAccess;
import org.doseledger.core.integrity.EventHashes;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.VerificationReport;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Chain verification (benchmark 6 of the suite): the ledger's own verification path over a sealed
 * ledger of about {@code events} events, against reading the same rows with plain JDBC and against
 * hashing them in Java once they are in memory. One operation covers the whole ledger; the
 * {@code events} counter gives the rate in events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ChainVerificationBenchmark {

    /**
     * The tamper-evidence benchmark's realistic ledger ({@code LedgerGenerator}, 20 practices), hashed by
     * the trigger and sealed in one checkpoint, prepared once per server.
     */
    @State(Scope.Benchmark)
    public static class Ledger {

        @Param("100000")
        public long events;

        DataSource database;
        BenchmarkAccess integrity;

        @Setup(Level.Trial)
        public void prepare() {
            String name = "jmh_chain_" + events;
            database = PreparedDatabases.prepare(name, written -> {
                BenchmarkFixtures.writeLedger(written, events);
                BenchmarkFixtures.integrity(written, PreparedDatabases.work(name))
                        .seal();
            });
            integrity = BenchmarkFixtures.integrity(database, PreparedDatabases.work(name));
        }
    }

    /** Every row of the ledger, read once, for hashing without the database. */
    @State(Scope.Benchmark)
    public static class InMemory {

        final List<StoredEvent> rows = new ArrayList<>();

        @Setup(Level.Trial)
        public void read(Ledger ledger) {
            BenchmarkFixtures.readPlain(ledger.database, rows::add);
        }
    }

    /** Events covered per second, beside the whole-ledger operations per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {

        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            events = 0;
        }
    }

    /** Every event hash, stream link, chain link and checkpoint signature, as the service verifies. */
    @Benchmark
    public VerificationReport verify(Ledger ledger, Events counted) {
        VerificationReport report = ledger.integrity.verify();
        if (!report.ok()) {
            throw new IllegalStateException("the benchmark ledger did not verify: " + report);
        }
        counted.events += report.eventsChecked();
        return report;
    }

    /** Baseline: the same rows and columns through one cursor, each row built and nothing computed. */
    @Benchmark
    public long plainJdbcRead(Ledger ledger, Events counted, Blackhole materialized) {
        long rows = BenchmarkFixtures.readPlain(ledger.database, materialized::consume);
        counted.events += rows;
        return rows;
    }

    /** Baseline: the event hash and chain hash of every row in Java, the rows already in memory. */
    @Benchmark
    public byte[] sha256InMemory(InMemory ledger, Events counted) {
        byte[] chain = EventHashes.GENESIS;
        for (StoredEvent row : ledger.rows) {
            chain = EventHashes.chainHash(chain, row.globalIndex(), EventHashes.eventHash(row, row.previousHash()));
        }
        counted.events += ledger.rows.size();
        return chain;
    }
}
