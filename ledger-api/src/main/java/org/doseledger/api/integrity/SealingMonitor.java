package org.doseledger.api.integrity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.doseledger.core.integrity.api.RecordSealingStatusCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes sure sealing cannot stop silently. Every {@code ledger.integrity.monitor-interval} it measures how
 * old the oldest event not yet sealed is ({@code ledger.integrity.unsealed.oldest.age}, seconds) and asks
 * the sealer whether it refused to sign. Sealing counts as halted when it refused, or when that age passes
 * {@code ledger.integrity.max-unsealed-age} (someone holding the sealing lock, a sealer failing, sealing
 * switched off): health component {@code sealing} is DOWN, {@code ledger.integrity.sealing.halted} is 1,
 * and the ledger records SealingHalted, a SEALING_HALTED exception in every practice's queue, until
 * SealingResumed clears it.
 */
@Component("sealing")
class SealingMonitor implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SealingMonitor.class);

    private final JdbcTemplate jdbc;
    private final CheckpointSealer sealer;
    private final CommandGateway commands;
    private final IntegrityProperties properties;
    private final Clock clock;
    private final Witnessing witnessing;
    private final java.util.concurrent.atomic.AtomicLong witnessedSize = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(false, null, 0));
    private volatile Boolean recordedHalted;

    SealingMonitor(
            JdbcTemplate jdbc,
            CheckpointSealer sealer,
            CommandGateway commands,
            IntegrityProperties properties,
            Clock clock,
            MeterRegistry meters,
            Witnessing witnessing) {
        this.witnessing = witnessing;
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder(
                        "ledger.integrity.unsealed.oldest.age",
                        status,
                        s -> s.get().oldestUnsealedSeconds())
                .description("Seconds since the oldest event not yet covered by a signed checkpoint was recorded")
                .register(meters);
        Gauge.builder("ledger.integrity.sealing.halted", status, s -> s.get().halted() ? 1 : 0)
                .description("1 while sealing is halted (refused, or nothing sealed for too long)")
                .register(meters);
        Gauge.builder("ledger.integrity.witnessed.size", witnessedSize, java.util.concurrent.atomic.AtomicLong::get)
                .description("The largest tree size that enough witnesses cosigned")
                .register(meters);
    }

    record Status(boolean halted, String reason, long oldestUnsealedSeconds) {}

    @Scheduled(
            initialDelayString = "${ledger.integrity.monitor-interval:30s}",
            fixedDelayString = "${ledger.integrity.monitor-interval:30s}")
    void onSchedule() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Could not check sealing: {}", e.toString());
        }
    }

    /** Measures, decides whether sealing is halted, and records a change of state in the ledger. */
    Status check() {
        Instant now = clock.instant();
        Timestamp oldest = jdbc.queryForObject("""
                select min(inserted_at) from domain_event_entry
                where global_index > (select coalesce(max(global_index), 0) from ledger_chain)
                """, Timestamp.class);
        long age = oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
        String reason = sealer.lastRefusal()
                .map(SealingRefusedException::getMessage)
                .orElse(
                        age > properties.maxUnsealedAge().toSeconds()
                                ? "STALLED: the oldest unsealed event was recorded " + age + " s ago, more than the "
                                        + properties.maxUnsealedAge().toSeconds()
                                        + " s allowed; is the sealing lock held,"
                                        + " or sealing switched off?"
                                : null);
        if (reason == null) {
            reason = unwitnessed(now);
        }
        Status now_ = new Status(reason != null, reason, age);
        status.set(now_);
        if (recordedHalted == null || recordedHalted != now_.halted()) {
            commands.sendAndWait(new RecordSealingStatusCommand(now_.halted(), reason, now));
            recordedHalted = now_.halted();
            if (now_.halted()) {
                log.error("Sealing halted: {}", reason);
            }
        }
        return now_;
    }

    /**
     * With witnesses configured, a checkpoint that too few of them cosigned within the unsealed-age bound
     * halts sealing too: either a witness is unreachable, or it refused because the tree does not extend
     * what it cosigned before.
     */
    private String unwitnessed(Instant now) {
        if (!witnessing.configured()) {
            return null;
        }
        long witnessed = witnessing.witnessedSize();
        witnessedSize.set(witnessed);
        return jdbc
                .query(
                        """
                        select tree_size from ledger_tree_checkpoint
                        where tree_size > ? and sealed_at < ? order by tree_size limit 1
                        """,
                        (rs, row) -> "WITNESS_QUORUM_NOT_MET: the tree checkpoint of " + rs.getLong(1)
                                + " leaves has fewer than the " + witnessing.required() + " cosignatures required"
                                + " after " + properties.maxUnsealedAge().toSeconds() + " s; the largest witnessed"
                                + " tree has " + witnessed + " leaves",
                        witnessed,
                        Timestamp.from(now.minus(properties.maxUnsealedAge())))
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** The state of the last check (every {@code ledger.integrity.monitor-interval}). */
    Status status() {
        return status.get();
    }

    @Override
    public Health health() {
        Status current = status.get();
        Health.Builder health = current.halted() ? Health.down() : Health.up();
        health.withDetail("oldestUnsealedSeconds", current.oldestUnsealedSeconds());
        if (current.reason() != null) {
            health.withDetail("reason", current.reason());
        }
        return health.build();
    }
}
