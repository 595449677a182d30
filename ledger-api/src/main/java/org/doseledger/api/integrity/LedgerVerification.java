package org.doseledger.api.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.doseledger.core.integrity.ChainEntry;
import org.doseledger.core.integrity.LedgerVerifier;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.VerificationReport;
import org.doseledger.core.integrity.api.RecordVerificationCommand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole ledger in the database: streams every event and sealed link in pages (memory stays
 * flat), runs {@link LedgerVerifier} with the trusted public keys from outside the database, records the
 * result as a {@code LedgerVerified} event and publishes it as metrics.
 */
@Component
public class LedgerVerification {

    private static final int PAGE = 10_000;

    private final JdbcTemplate jdbc;
    private final SigningKeys keys;
    private final CommandGateway commands;
    private final Clock clock;
    private final AtomicInteger integrityOk = new AtomicInteger(-1);
    private final AtomicInteger completenessOk = new AtomicInteger(-1);
    private final AtomicLong verifiedAt = new AtomicLong();

    LedgerVerification(
            JdbcTemplate jdbc, SigningKeys keys, CommandGateway commands, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.commands = commands;
        this.clock = clock;
        meters.gauge("ledger.integrity.verification.integrity", integrityOk);
        meters.gauge("ledger.integrity.verification.completeness", completenessOk);
        meters.gauge("ledger.integrity.verification.time", verifiedAt);
    }

    /** Verifies, records the result in the ledger and in the metrics, and returns it. */
    public VerificationReport verifyAndRecord() {
        Instant started = clock.instant();
        VerificationReport report = verify();
        Instant finished = clock.instant();
        commands.sendAndWait(new RecordVerificationCommand(
                report.integrityOk(),
                report.completenessOk(),
                report.eventsChecked(),
                report.checkpointsChecked(),
                report.lastSealedIndex(),
                describe(report.integrityFailure()),
                describe(report.completenessFailure()),
                started,
                finished));
        integrityOk.set(report.integrityOk() ? 1 : 0);
        completenessOk.set(report.completenessOk() ? 1 : 0);
        verifiedAt.set(finished.getEpochSecond());
        return report;
    }

    public VerificationReport verify() {
        return verify(jdbc, keys);
    }

    static VerificationReport verify(JdbcTemplate jdbc, SigningKeys keys) {
        return new LedgerVerifier(keys.trusted())
                .verify(
                        new Pages<>(
                                after -> IntegrityStore.events(jdbc, after, Long.MAX_VALUE, PAGE),
                                StoredEvent::globalIndex),
                        new Pages<>(
                                after -> jdbc.query(
                                        "select * from ledger_chain where global_index > ? order by global_index"
                                                + " limit ?",
                                        IntegrityStore::chainEntry,
                                        after,
                                        PAGE),
                                ChainEntry::globalIndex),
                        IntegrityStore.checkpoints(jdbc));
    }

    static String describe(VerificationReport.Failure failure) {
        if (failure == null) {
            return null;
        }
        String where = failure.position() != null
                ? " at position " + failure.position()
                : failure.checkpoint() != null ? " at checkpoint " + failure.checkpoint() : "";
        return failure.code() + where + ": " + failure.detail();
    }

    /** Keyset pages of rows in ledger order, as one iterator. */
    private static final class Pages<T> implements Iterator<T> {

        private final LongFunction<List<T>> page;
        private final java.util.function.ToLongFunction<T> position;
        private Iterator<T> current;
        private long after;
        private boolean last;

        Pages(LongFunction<List<T>> page, java.util.function.ToLongFunction<T> position) {
            this.page = page;
            this.position = position;
        }

        @Override
        public boolean hasNext() {
            if (current != null && current.hasNext()) {
                return true;
            }
            if (last) {
                return false;
            }
            List<T> rows = page.apply(after);
            last = rows.size() < PAGE;
            if (!rows.isEmpty()) {
                after = position.applyAsLong(rows.get(rows.size() - 1));
            }
            current = rows.iterator();
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
