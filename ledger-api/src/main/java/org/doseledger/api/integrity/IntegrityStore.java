package org.doseledger.api.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.doseledger.core.integrity.ChainEntry;
import org.doseledger.core.integrity.Checkpoint;
import org.doseledger.core.integrity.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads events, the sealed chain and checkpoints as stored, for sealing and verification. */
final class IntegrityStore {

    static final String EVENT_COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type,"
            + " payload_type, payload_revision, time_stamp, payload, meta_data, previous_hash, event_hash";

    private IntegrityStore() {}

    static List<StoredEvent> events(JdbcTemplate jdbc, long after, long upTo, int limit) {
        return jdbc.query(
                "select " + EVENT_COLUMNS + " from domain_event_entry where global_index > ? and global_index <= ?"
                        + " order by global_index limit ?",
                IntegrityStore::event,
                after,
                upTo,
                limit);
    }

    static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                rs.getString("type"),
                rs.getString("payload_type"),
                rs.getString("payload_revision"),
                rs.getString("time_stamp"),
                rs.getBytes("payload"),
                rs.getBytes("meta_data"),
                rs.getBytes("previous_hash"),
                rs.getBytes("event_hash"));
    }

    static ChainEntry chainEntry(ResultSet rs, int row) throws SQLException {
        return new ChainEntry(
                rs.getLong("global_index"),
                rs.getBytes("event_hash"),
                rs.getBytes("chain_hash"),
                rs.getLong("checkpoint_number"));
    }

    static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(
                rs.getLong("checkpoint_number"),
                rs.getLong("from_index"),
                rs.getLong("to_index"),
                rs.getLong("event_count"),
                rs.getBytes("chain_hash"),
                rs.getBytes("previous_checkpoint_hash"),
                rs.getTimestamp("sealed_at").toInstant(),
                rs.getString("key_id"),
                rs.getBytes("signature"),
                rs.getBytes("checkpoint_hash"));
    }

    static List<Checkpoint> checkpoints(JdbcTemplate jdbc) {
        return jdbc.query("select * from ledger_checkpoint order by checkpoint_number", IntegrityStore::checkpoint);
    }

    static Optional<Checkpoint> lastCheckpoint(JdbcTemplate jdbc) {
        return jdbc
                .query(
                        "select * from ledger_checkpoint order by checkpoint_number desc limit 1",
                        IntegrityStore::checkpoint)
                .stream()
                .findFirst();
    }
}
