package org.doseledger.api.integrity;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The signed checkpoints as other features need them: an export carries the last one. */
@Component
public class SealedCheckpoints {

    private final JdbcTemplate jdbc;
    private final org.springframework.beans.factory.ObjectProvider<CheckpointSealer> sealer;
    private final SigningKeys keys;

    SealedCheckpoints(
            JdbcTemplate jdbc,
            org.springframework.beans.factory.ObjectProvider<CheckpointSealer> sealer,
            SigningKeys keys) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.keys = keys;
    }

    /**
     * The last signed checkpoint once it covers {@code position}: this node seals on demand (whether or not
     * it seals on schedule, as the admin endpoint does) as soon as the event is behind the gap window; empty
     * after {@code timeout}.
     */
    public Optional<CheckpointView> covering(long position, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<CheckpointView> last = last();
            if (last.isPresent() && last.get().toIndex() >= position) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            sealer.getObject().seal();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    public Optional<CheckpointView> last() {
        return IntegrityStore.lastCheckpoint(jdbc).map(CheckpointView::of);
    }

    /** The latest signed checkpoints, newest first. */
    public java.util.List<CheckpointView> latest(int limit) {
        return jdbc
                .query(
                        "select * from ledger_checkpoint order by checkpoint_number desc limit ?",
                        IntegrityStore::checkpoint,
                        limit)
                .stream()
                .map(CheckpointView::of)
                .toList();
    }

    /** The latest signed checkpoint of the ledger's Merkle tree, as a signed note; empty before the first. */
    public Optional<String> latestTreeNote() {
        return jdbc
                .queryForList("select note from ledger_tree_checkpoint order by tree_size desc limit 1", String.class)
                .stream()
                .findFirst();
    }

    /** The public keys that verify the checkpoints: this service's, those it was given, and those it endorsed. */
    public java.util.Map<String, java.security.PublicKey> verifyingKeys() {
        return TrustedKeys.of(jdbc, keys);
    }
}
