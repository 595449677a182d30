package org.doseledger.api.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.doseledger.core.integrity.LedgerVerifier;
import org.doseledger.core.integrity.VerificationReport;
import org.doseledger.core.integrity.api.RecordVerificationCommand;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole ledger in the database: streams every event and sealed link (memory stays flat), runs {@link LedgerVerifier} with the trusted public keys from outside the database, records the
 * result as a {@code LedgerVerified} event and publishes it as metrics.
 */
@Component
public class LedgerVerification {

    private static final int FETCH = 5_000;

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

    /**
     * Streams the events and the sealed chain through two cursors of one read-only transaction
     * (fetched {@value #FETCH} rows at a time), so memory stays flat however long the ledger.
     */
    static VerificationReport verify(JdbcTemplate jdbc, SigningKeys keys) {
        List<org.doseledger.core.integrity.Checkpoint> checkpoints = IntegrityStore.checkpoints(jdbc);
        LedgerVerifier verifier = new LedgerVerifier(keys.trusted());
        return jdbc.execute((ConnectionCallback<VerificationReport>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement events = connection.prepareStatement("select " + IntegrityStore.EVENT_COLUMNS
                            + " from domain_event_entry order by global_index");
                    PreparedStatement chain =
                            connection.prepareStatement("select * from ledger_chain order by global_index")) {
                events.setFetchSize(FETCH);
                chain.setFetchSize(FETCH);
                try (ResultSet eventRows = events.executeQuery();
                        ResultSet chainRows = chain.executeQuery()) {
                    return verifier.verify(
                            new Rows<>(eventRows, IntegrityStore::event),
                            new Rows<>(chainRows, IntegrityStore::chainEntry),
                            checkpoints);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        });
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

    /** The rows of an open cursor, mapped as they are consumed. */
    private static final class Rows<T> implements Iterator<T> {

        private final ResultSet rows;
        private final RowMapper<T> mapper;
        private Boolean ahead;
        private int row;

        Rows(ResultSet rows, RowMapper<T> mapper) {
            this.rows = rows;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rows.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("reading the ledger failed", e);
                }
            }
            return ahead;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                return mapper.mapRow(rows, row++);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the ledger failed", e);
            }
        }
    }
}
