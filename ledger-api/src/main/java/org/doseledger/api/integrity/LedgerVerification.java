package org.doseledger.api.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.doseledger.core.integrity.ChainEntry;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.LedgerVerifier;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.TreeEvidence;
import org.doseledger.core.integrity.VerificationReport;
import org.doseledger.core.integrity.api.RecordVerificationCommand;
import org.doseledger.core.integrity.bundle.PracticeNumbering;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.VerifierKey;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole ledger in the database: streams every event and sealed link (memory stays flat), runs {@link LedgerVerifier} with the pinned public keys from outside the database and the keys they endorsed ({@link TrustedKeys}), records the
 * result as a {@code LedgerVerified} event and publishes it as metrics.
 */
@Component
public class LedgerVerification {

    private static final int FETCH = 5_000;

    private final JdbcTemplate jdbc;
    private final SigningKeys keys;
    private final CommandGateway commands;
    private final Clock clock;
    private final IntegrityProperties properties;
    private final CheckpointSealer sealer;
    private final AtomicInteger integrityOk = new AtomicInteger(-1);
    private final AtomicInteger completenessOk = new AtomicInteger(-1);
    private final AtomicLong verifiedAt = new AtomicLong();

    LedgerVerification(
            JdbcTemplate jdbc,
            SigningKeys keys,
            CommandGateway commands,
            Clock clock,
            MeterRegistry meters,
            IntegrityProperties properties,
            CheckpointSealer sealer) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
        this.sealer = sealer;
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

    /**
     * Verifies against the trusted keys and, for the tree, against the last tree checkpoint the sealer
     * signed (its own record, outside the database): a tree that does not extend it was truncated or
     * rewritten.
     */
    public VerificationReport verify() {
        return verify(jdbc, keys, evidence(jdbc, keys, properties, sealer.lastSigned(), clock.instant()));
    }

    /** What the tree is checked against: the database's signed tree checkpoints, trusted log keys, a held checkpoint. */
    static TreeEvidence evidence(
            JdbcTemplate jdbc,
            SigningKeys keys,
            IntegrityProperties properties,
            Optional<org.doseledger.core.integrity.tlog.Checkpoint> held,
            Instant now) {
        List<String> notes =
                jdbc.queryForList("select note from ledger_tree_checkpoint order by tree_size", String.class);
        return new TreeEvidence(
                notes,
                logKeys(TrustedKeys.of(jdbc, keys), properties.origin()),
                held,
                now,
                properties.maxUnsealedAge());
    }

    /** Every trusted key as a verifier key of the log's origin (a tree checkpoint's signer is named after it). */
    static List<VerifierKey> logKeys(java.util.Map<String, java.security.PublicKey> trusted, String origin) {
        return trusted.values().stream()
                .map(key -> new VerifierKey(origin, SignatureType.ED25519, Ed25519Keys.rawPublicKey(key)))
                .toList();
    }

    static VerificationReport verify(JdbcTemplate jdbc, SigningKeys keys) {
        return verify(jdbc, keys, TreeEvidence.none(Instant.now()));
    }

    /**
     * Streams the events and the sealed chain through two cursors of one read-only transaction
     * (fetched {@value #FETCH} rows at a time), so memory stays flat however long the ledger.
     */
    static VerificationReport verify(JdbcTemplate jdbc, SigningKeys keys, TreeEvidence tree) {
        List<org.doseledger.core.integrity.Checkpoint> checkpoints = IntegrityStore.checkpoints(jdbc);
        LedgerVerifier verifier = new LedgerVerifier(TrustedKeys.of(jdbc, keys));
        return jdbc.execute((ConnectionCallback<VerificationReport>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement events = IntegrityStore.binary(connection.prepareStatement("select "
                            + IntegrityStore.EVENT_COLUMNS + " from domain_event_entry order by global_index"));
                    PreparedStatement chain = IntegrityStore.binary(connection.prepareStatement(
                            "select " + IntegrityStore.CHAIN_COLUMNS + " from ledger_chain order by global_index"))) {
                events.setFetchSize(FETCH);
                chain.setFetchSize(FETCH);
                try (ResultSet eventRows = events.executeQuery();
                        ResultSet chainRows = chain.executeQuery();
                        Prefetch prefetch = new Prefetch(eventRows, chainRows)) {
                    PracticeNumbering numbering = new PracticeNumbering();
                    return numbering.apply(
                            verifier.verify(numbering.watch(prefetch.events()), prefetch.chain(), checkpoints, tree));
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

    /**
     * Reads the events and the sealed chain on a thread of its own, a few batches ahead of the verifier,
     * so that reading rows and hashing them use both cores. The chain links of a batch of events (those
     * at or before its last position) follow that batch, so the verifier never waits for a link the
     * reader has not queued.
     */
    private static final class Prefetch implements AutoCloseable {

        private static final int BATCH = 1_000;
        /** Ends a queue: compared by identity, never a batch of rows. */
        @SuppressWarnings("rawtypes")
        private static final List END = new ArrayList<>();

        private final BlockingQueue<List<StoredEvent>> events = new ArrayBlockingQueue<>(8);
        private final BlockingQueue<List<ChainEntry>> chain = new ArrayBlockingQueue<>(16);
        private final Thread reader;
        private volatile Throwable failure;

        Prefetch(ResultSet eventRows, ResultSet chainRows) {
            reader = new Thread(() -> read(eventRows, chainRows), "ledger-verification-reader");
            reader.setDaemon(true);
            reader.start();
        }

        Iterator<StoredEvent> events() {
            return new Batches<>(events);
        }

        Iterator<ChainEntry> chain() {
            return new Batches<>(chain);
        }

        private void read(ResultSet eventRows, ResultSet chainRows) {
            try {
                ChainEntry pending = null;
                boolean chainDone = false;
                while (true) {
                    List<StoredEvent> batch = new ArrayList<>(BATCH);
                    while (batch.size() < BATCH && eventRows.next()) {
                        batch.add(IntegrityStore.event(eventRows, 0));
                    }
                    boolean last = batch.size() < BATCH;
                    long upTo =
                            last ? Long.MAX_VALUE : batch.get(batch.size() - 1).globalIndex();
                    List<ChainEntry> links = new ArrayList<>();
                    if (pending != null && pending.globalIndex() <= upTo) {
                        links.add(pending);
                        pending = null;
                    }
                    while (pending == null && !chainDone) {
                        if (!chainRows.next()) {
                            chainDone = true;
                        } else {
                            ChainEntry link = IntegrityStore.chainEntry(chainRows, 0);
                            if (link.globalIndex() <= upTo) {
                                links.add(link);
                            } else {
                                pending = link;
                            }
                        }
                    }
                    if (!batch.isEmpty()) {
                        events.put(batch);
                    }
                    if (!links.isEmpty()) {
                        chain.put(links);
                    }
                    if (last) {
                        end();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException | RuntimeException e) {
                failure = e;
                try {
                    end();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void end() throws InterruptedException {
            events.put(END);
            chain.put(END);
        }

        /** Stops the reader and waits for it, before its cursors are closed under it. */
        @Override
        public void close() {
            reader.interrupt();
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The batches of one queue as one iterator; an empty batch ends it. */
        private final class Batches<T> implements Iterator<T> {

            private final BlockingQueue<List<T>> queue;
            private Iterator<T> current = java.util.Collections.emptyIterator();
            private boolean ended;

            Batches(BlockingQueue<List<T>> queue) {
                this.queue = queue;
            }

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !ended) {
                    try {
                        List<T> batch = queue.take();
                        if (batch == END) {
                            if (failure != null) {
                                throw new IllegalStateException("reading the ledger failed", failure);
                            }
                            ended = true;
                        } else {
                            current = batch.iterator();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("verification interrupted", e);
                    }
                }
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
}
