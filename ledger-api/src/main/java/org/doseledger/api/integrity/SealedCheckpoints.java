package org.doseledger.api.integrity;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The signed checkpoints as other features need them: an export carries the last one. */
@Component
public class SealedCheckpoints {

    private final JdbcTemplate jdbc;
    private final org.springframework.beans.factory.ObjectProvider<CheckpointSealer> sealer;

    SealedCheckpoints(JdbcTemplate jdbc, org.springframework.beans.factory.ObjectProvider<CheckpointSealer> sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
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
}
