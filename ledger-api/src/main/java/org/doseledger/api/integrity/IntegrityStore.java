package org.doseledger.api.integrity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.doseledger.core.integrity.ChainEntry;
import org.doseledger.core.integrity.Checkpoint;
import org.doseledger.core.integrity.StoredEvent;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads events, the sealed chain and checkpoints as stored, for sealing and verification. */
final class IntegrityStore {

    static final String EVENT_COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type,"
            + " payload_type, payload_revision, time_stamp, payload, meta_data, previous_hash, event_hash";

    private IntegrityStore() {}

    static List<StoredEvent> events(JdbcTemplate jdbc, long after, long upTo, int limit) {
        return jdbc.query(
                connection -> {
                    PreparedStatement select = binary(connection.prepareStatement("select " + EVENT_COLUMNS
                            + " from domain_event_entry where global_index > ? and global_index <= ?"
                            + " order by global_index limit ?"));
                    select.setLong(1, after);
                    select.setLong(2, upTo);
                    select.setInt(3, limit);
                    return select;
                },
                IntegrityStore::event);
    }

    /** The columns of a chain link as {@link #chainEntry} reads them, in that order. */
    static final String CHAIN_COLUMNS = "global_index, event_hash, chain_hash, checkpoint_number";

    /**
     * An event from a row whose first columns are {@link #EVENT_COLUMNS} in that order, read by position: a
     * lookup by name costs more than hashing on a million rows.
     */
    static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getBytes(9),
                rs.getBytes(10),
                rs.getBytes(11),
                rs.getBytes(12));
    }

    /** A link from a row whose first columns are {@link #CHAIN_COLUMNS} in that order. */
    static ChainEntry chainEntry(ResultSet rs, int row) throws SQLException {
        return new ChainEntry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getLong(4));
    }

    /**
     * Has the driver fetch the statement's rows in PostgreSQL's binary format from its first execution
     * (a negative prepare threshold), so a {@code bytea} column arrives as its bytes rather than as hex
     * text the driver must decode: the ledger's payloads are most of what a full read transfers.
     */
    static PreparedStatement binary(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        return statement;
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
