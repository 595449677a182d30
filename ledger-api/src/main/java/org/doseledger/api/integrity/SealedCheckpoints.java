package org.doseledger.api.integrity;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The signed checkpoints as other features need them: an export carries the last one. */
@Component
public class SealedCheckpoints {

    private final JdbcTemplate jdbc;

    SealedCheckpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CheckpointView> last() {
        return IntegrityStore.lastCheckpoint(jdbc).map(CheckpointView::of);
    }
}
