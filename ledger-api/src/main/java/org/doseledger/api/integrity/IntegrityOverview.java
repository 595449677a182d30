package org.doseledger.api.integrity;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's integrity at a glance, for the people who answer for it: the last signed checkpoint, how
 * much of the history no checkpoint covers yet and since when, and whether sealing is halted and why (the
 * same state as the {@code sealing} health indicator and the {@code ledger.integrity.sealing.*} metrics).
 */
@Component
public class IntegrityOverview {

    /**
     * @param lastCheckpoint the newest signed checkpoint; empty before the first seal
     * @param unsealedEvents events recorded after the last checkpoint
     * @param oldestUnsealedSeconds how long ago the oldest of them was recorded, at the last check
     * @param halted whether sealing is halted (refused, stalled, or too few witnesses)
     * @param reason why, when halted
     * @param witnessesRequired how many witnesses must cosign each tree checkpoint; 0 when none are configured
     * @param witnessedSize the largest tree size that many witnesses cosigned
     */
    public record Overview(
            Optional<CheckpointView> lastCheckpoint,
            long unsealedEvents,
            long oldestUnsealedSeconds,
            boolean halted,
            String reason,
            Instant checkedAt,
            int witnessesRequired,
            long witnessedSize) {}

    private final JdbcTemplate jdbc;
    private final SealingMonitor monitor;
    private final Witnessing witnessing;
    private final java.time.Clock clock;

    IntegrityOverview(JdbcTemplate jdbc, SealingMonitor monitor, Witnessing witnessing, java.time.Clock clock) {
        this.witnessing = witnessing;
        this.jdbc = jdbc;
        this.monitor = monitor;
        this.clock = clock;
    }

    public Overview now() {
        Optional<CheckpointView> last = jdbc
                .query(
                        "select * from ledger_checkpoint order by checkpoint_number desc limit 1",
                        IntegrityStore::checkpoint)
                .stream()
                .findFirst()
                .map(CheckpointView::of);
        Long unsealed = jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where global_index > (select coalesce(max(global_index), 0) from ledger_chain)
                """, Long.class);
        SealingMonitor.Status status = monitor.status();
        return new Overview(
                last,
                unsealed == null ? 0 : unsealed,
                status.oldestUnsealedSeconds(),
                status.halted(),
                status.reason(),
                clock.instant(),
                witnessing.configured() ? witnessing.required() : 0,
                witnessing.configured() ? witnessing.witnessedSize() : 0);
    }
}
