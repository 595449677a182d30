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
    private static final long LOCK = 0x6c65646765724cL;
    private static final int BATCH = 5000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SigningKeys keys;
    private final IntegrityProperties properties;
    private final Clock clock;
    private final AtomicLong lastSealed = new AtomicLong();

    CheckpointSealer(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            SigningKeys keys,
            IntegrityProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
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
        } catch (RuntimeException e) {
            log.error("Sealing a checkpoint failed", e);
        }
    }

    /** Seals the events behind the gap window in a new checkpoint; empty when there was nothing to seal. */
    public Optional<Checkpoint> seal() {
        return transactions.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK);
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
                return Optional.<Checkpoint>empty();
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
                    links.add(new Object[] {event.globalIndex(), event.eventHash(), chain, number});
                    after = event.globalIndex();
                    count++;
                }
                jdbc.batchUpdate(
                        "insert into ledger_chain (global_index, event_hash, chain_hash, checkpoint_number)"
                                + " values (?, ?, ?, ?)",
                        links);
                if (events.size() < BATCH) {
                    break;
                }
            }
            if (count == 0) {
                return Optional.<Checkpoint>empty();
            }
            Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            byte[] previousHash = previous == null ? EventHashes.GENESIS : previous.checkpointHash();
            byte[] signed =
                    Checkpoint.signedBytes(number, from, upTo, count, chain, previousHash, sealedAt, keys.keyId());
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
            return Optional.of(checkpoint);
        });
    }
}
