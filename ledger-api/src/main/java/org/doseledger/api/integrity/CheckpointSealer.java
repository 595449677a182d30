package org.doseledger.api.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.doseledger.core.integrity.Checkpoint;
import org.doseledger.core.integrity.EventHashes;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.tlog.LedgerLeaf;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the global chain in signed checkpoints. Every interval it extends the chain over the events
 * that are safely behind the gap window: inserted before every transaction still open began (so no
 * late-committing write can take a position behind the seal) and older than {@code gap-window}. It
 * recomputes each event's hash before sealing it; an event whose content no longer matches its hash is
 * not sealed, and the sealer stops and reports it. Nodes take turns on an advisory lock.
 */
@Component
public class CheckpointSealer {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSealer.class);
    static final long LOCK = 0x6c65646765724cL;
    private static final int BATCH = 5000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SigningKeys keys;
    private final IntegrityProperties properties;
    private final Clock clock;
    private final AtomicLong lastSealed = new AtomicLong();
    private final SealerState state;
    private final java.util.concurrent.atomic.AtomicReference<SealingRefusedException> refusal =
            new java.util.concurrent.atomic.AtomicReference<>();

    private final Witnessing witnessing;

    CheckpointSealer(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            SigningKeys keys,
            IntegrityProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this(jdbc, transactions, keys, properties, clock, meters, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    CheckpointSealer(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            SigningKeys keys,
            IntegrityProperties properties,
            Clock clock,
            MeterRegistry meters,
            Witnessing witnessing) {
        this.witnessing = witnessing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.state = new SealerState(
                properties.sealerStateFile() != null
                        ? properties.sealerStateFile()
                        : keys.keyDirectory().resolve("sealer-checkpoint"));
        meters.gauge("ledger.integrity.sealed.position", lastSealed);
    }

    @Scheduled(
            initialDelayString = "${ledger.integrity.seal-interval:60s}",
            fixedDelayString = "${ledger.integrity.seal-interval:60s}")
    void sealOnSchedule() {
        if (!properties.sealing()) {
            return;
        }
        try {
            seal();
            refusal.set(null);
        } catch (SealingRefusedException e) {
            refusal.set(e);
            log.error("{}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Sealing a checkpoint failed", e);
        }
    }

    /**
     * Seals the events behind the gap window: extends the global chain (a checkpoint of the range) and the
     * Merkle tree (a signed tree checkpoint of the whole), after checking that the database's tree still
     * extends the last tree checkpoint this sealer signed. Empty when there was nothing to seal or another
     * node holds the sealing lock.
     *
     * @throws SealingRefusedException when the database's tree does not extend what the sealer signed
     *     before (history rewritten or truncated, checkpoints deleted): nothing is signed
     */
    public Optional<Checkpoint> seal() {
        Sealed sealed = transactions.execute(status -> sealInTransaction());
        if (sealed == null) {
            return Optional.empty();
        }
        // only once the checkpoint is committed: a sealer that remembered a checkpoint the database never
        // got would refuse every seal after it
        if (sealed.tree() != null) {
            state.write(sealed.tree());
            if (witnessing != null && witnessing.configured()) {
                org.doseledger.core.integrity.tlog.Checkpoint tree =
                        org.doseledger.core.integrity.tlog.Checkpoint.fromNote(sealed.tree());
                int cosigned = witnessing.cosign(sealed.tree(), tree.size());
                log.info(
                        "{} of {} witnesses cosigned the tree checkpoint of {} leaves ({} required)",
                        cosigned,
                        witnessing.required(),
                        tree.size(),
                        witnessing.required());
            }
        }
        return Optional.ofNullable(sealed.checkpoint());
    }

    /** Why the last scheduled seal on this node was refused; empty when it was not. */
    Optional<SealingRefusedException> lastRefusal() {
        return Optional.ofNullable(refusal.get());
    }

    /** The last tree checkpoint this sealer signed (its own record, outside the database), if any. */
    public Optional<org.doseledger.core.integrity.tlog.Checkpoint> lastSigned() {
        return state.checkpoint();
    }

    private Sealed sealInTransaction() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            // another node seals now; a lock held for long shows as the age of the oldest unsealed event
            return null;
        }
        long leavesBefore = LedgerTree.leafCount(jdbc);
        Optional<TreeCheckpoint> stored = lastTreeCheckpoint();
        checkAgainstOwnRecord(leavesBefore, stored);
        Checkpoint checkpoint = sealChain(leavesBefore);
        long leavesAfter = LedgerTree.leafCount(jdbc);
        long built = stored.map(TreeCheckpoint::size).orElse(0L);
        if (leavesAfter <= built) {
            return checkpoint == null ? null : new Sealed(checkpoint, null);
        }
        LedgerTree.extend(jdbc, built, leavesAfter);
        byte[] root = MerkleTree.rootHash(new LedgerTree(jdbc, leavesAfter), leavesAfter);
        org.doseledger.core.integrity.tlog.Checkpoint tree =
                new org.doseledger.core.integrity.tlog.Checkpoint(properties.origin(), leavesAfter, root);
        SignedNote note = tree.sign(keys.noteSigner(properties.origin()));
        jdbc.update(
                "insert into ledger_tree_checkpoint (tree_size, root_hash, note, sealed_at) values (?, ?, ?, ?)",
                leavesAfter,
                root,
                note.format(),
                Timestamp.from(clock.instant()));
        log.info(
                "Signed tree checkpoint {} of {} leaves, root {}",
                properties.origin(),
                leavesAfter,
                java.util.HexFormat.of().formatHex(root));
        return new Sealed(checkpoint, note);
    }

    /**
     * The database's tree must extend the last tree checkpoint this sealer signed: at least as many leaves,
     * and the same root over the first of them. Otherwise someone rewrote or cut the sealed history, or
     * deleted checkpoints, and signing now would make it look genuine.
     */
    private void checkAgainstOwnRecord(long leaves, Optional<TreeCheckpoint> stored) {
        Optional<org.doseledger.core.integrity.tlog.Checkpoint> held = state.checkpoint();
        if (held.isEmpty()) {
            if (stored.isPresent()) {
                throw new SealingRefusedException(
                        "NO_RECORD_OF_SIGNING",
                        "the database holds tree checkpoints up to "
                                + stored.get().size() + " leaves, but this"
                                + " sealer has no record of signing any (" + state.file() + " is missing). Restore"
                                + " that file from a backup or from a witness's copy of the latest checkpoint");
            }
            return;
        }
        org.doseledger.core.integrity.tlog.Checkpoint last = held.get();
        if (!last.origin().equals(properties.origin())) {
            throw new SealingRefusedException(
                    "ORIGIN_CHANGED",
                    "this sealer last signed checkpoints of '" + last.origin() + "', not of '" + properties.origin()
                            + "'");
        }
        if (leaves < last.size()) {
            throw new SealingRefusedException(
                    "TREE_TRUNCATED",
                    "the database's tree has " + leaves + " leaves, fewer than the " + last.size()
                            + " this sealer signed: sealed events were removed");
        }
        if (stored.isEmpty() || stored.get().size() < last.size()) {
            throw new SealingRefusedException(
                    "CHECKPOINTS_DELETED",
                    "the database's tree checkpoints end at "
                            + stored.map(TreeCheckpoint::size).orElse(0L) + " leaves, before the checkpoint of "
                            + last.size() + " this sealer signed");
        }
        byte[] root = MerkleTree.rootHash(new LedgerTree(jdbc, last.size()), last.size());
        if (!Arrays.equals(root, last.rootHash())) {
            throw new SealingRefusedException(
                    "HISTORY_REWRITTEN",
                    "the database's tree over its first " + last.size() + " leaves has root "
                            + java.util.HexFormat.of().formatHex(root) + ", not the root this sealer signed: sealed"
                            + " events were rewritten");
        }
    }

    private Optional<TreeCheckpoint> lastTreeCheckpoint() {
        return jdbc
                .query(
                        "select tree_size, root_hash from ledger_tree_checkpoint order by tree_size desc limit 1",
                        (rs, row) -> new TreeCheckpoint(rs.getLong(1), rs.getBytes(2)))
                .stream()
                .findFirst();
    }

    private record TreeCheckpoint(long size, byte[] root) {}

    private record Sealed(Checkpoint checkpoint, SignedNote tree) {}

    /** Extends the global chain over the events behind the gap window; null when there was none. */
    private Checkpoint sealChain(long leavesBefore) {
        Checkpoint previous = IntegrityStore.lastCheckpoint(jdbc).orElse(null);
        long from = previous == null ? 1 : previous.toIndex() + 1;
        Long upTo = jdbc.queryForObject(
                """
                    select max(global_index) from domain_event_entry
                    where global_index >= ?
                      and inserted_at < least(clock_timestamp() - ?::interval,
                            coalesce((select min(xact_start) from pg_stat_activity
                                      where datname = current_database() and pid <> pg_backend_pid()
                                        and xact_start is not null), clock_timestamp()))
                    """, Long.class, from, properties.gapWindow().toMillis() + " milliseconds");
        if (upTo == null) {
            return null;
        }
        long number = previous == null ? 1 : previous.number() + 1;
        byte[] chain = previous == null ? EventHashes.GENESIS : previous.chainHash();
        long count = 0;
        long after = from - 1;
        while (true) {
            List<Object[]> links = new ArrayList<>();
            List<StoredEvent> events = IntegrityStore.events(jdbc, after, upTo, BATCH);
            for (StoredEvent event : events) {
                byte[] recomputed = EventHashes.eventHash(event, event.previousHash());
                if (!Arrays.equals(recomputed, event.eventHash())) {
                    throw new IllegalStateException("event at position " + event.globalIndex()
                            + " no longer matches its hash; it is not sealed. Run a verification.");
                }
                chain = EventHashes.chainHash(chain, event.globalIndex(), event.eventHash());
                links.add(new Object[] {
                    event.globalIndex(),
                    event.eventHash(),
                    chain,
                    number,
                    leavesBefore + count,
                    LedgerLeaf.hash(event.globalIndex(), event.eventHash())
                });
                after = event.globalIndex();
                count++;
            }
            jdbc.batchUpdate(
                    "insert into ledger_chain (global_index, event_hash, chain_hash, checkpoint_number,"
                            + " leaf_index, leaf_hash) values (?, ?, ?, ?, ?, ?)",
                    links);
            if (events.size() < BATCH) {
                break;
            }
        }
        if (count == 0) {
            return null;
        }
        Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] previousHash = previous == null ? EventHashes.GENESIS : previous.checkpointHash();
        byte[] signed = Checkpoint.signedBytes(number, from, upTo, count, chain, previousHash, sealedAt, keys.keyId());
        Checkpoint checkpoint = new Checkpoint(
                number,
                from,
                upTo,
                count,
                chain,
                previousHash,
                sealedAt,
                keys.keyId(),
                keys.sign(signed),
                EventHashes.sha256(signed));
        jdbc.update(
                """
                    insert into ledger_checkpoint (checkpoint_number, from_index, to_index, event_count, chain_hash,
                                                   previous_checkpoint_hash, sealed_at, key_id, signature,
                                                   checkpoint_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                checkpoint.number(),
                checkpoint.fromIndex(),
                checkpoint.toIndex(),
                checkpoint.eventCount(),
                checkpoint.chainHash(),
                checkpoint.previousCheckpointHash(),
                Timestamp.from(checkpoint.sealedAt()),
                checkpoint.keyId(),
                checkpoint.signature(),
                checkpoint.checkpointHash());
        lastSealed.set(upTo);
        log.info(
                "Sealed checkpoint {}: positions {}-{}, {} events, chain {}",
                number,
                from,
                upTo,
                count,
                java.util.HexFormat.of().formatHex(chain));
        return checkpoint;
    }
}
