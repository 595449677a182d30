package org.doseledger.projections.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.doseledger.core.integrity.EventHashes;
import org.doseledger.core.integrity.StoredEvent;

/**
 * An event as the event log holds it, for read models that show an event's content: the payload and
 * metadata bytes come from the log, never from a read-model table, and are shown only with whether
 * they still match the hash stored beside them. A row edited in a read model cannot pass as the record,
 * and an event edited in the log without its hash is marked.
 *
 * @param verified the log holds an event at the read model's position with the read model's event id,
 *     and its stored hash is the hash of its stored columns
 */
public record LoggedEvent(byte[] payload, byte[] metaData, byte[] eventHash, byte[] previousHash, boolean verified) {

    /** What a read model shows for a position the event log does not hold. */
    public static final LoggedEvent ABSENT = new LoggedEvent(null, null, null, null, false);

    /** The event log's columns for a select list, from {@code domain_event_entry} aliased {@code e}. */
    public static final String COLUMNS = """
            e.global_index as log_global_index, e.event_identifier as log_event_identifier,
            e.aggregate_identifier as log_aggregate_identifier, e.sequence_number as log_sequence_number,
            e.type as log_type, e.payload_type as log_payload_type, e.payload_revision as log_payload_revision,
            e.time_stamp as log_time_stamp, e.payload as log_payload, e.meta_data as log_meta_data,
            e.previous_hash as log_previous_hash, e.event_hash as log_event_hash
            """;

    /** The logged event of a row selected with {@link #COLUMNS}; a row the log lacks is unverified and empty. */
    public static LoggedEvent read(ResultSet rs, long position, String eventId) throws SQLException {
        long globalIndex = rs.getLong("log_global_index");
        if (rs.wasNull()) {
            return ABSENT;
        }
        StoredEvent stored = new StoredEvent(
                globalIndex,
                rs.getString("log_event_identifier"),
                rs.getString("log_aggregate_identifier"),
                rs.getLong("log_sequence_number"),
                rs.getString("log_type"),
                rs.getString("log_payload_type"),
                rs.getString("log_payload_revision"),
                rs.getString("log_time_stamp"),
                rs.getBytes("log_payload"),
                rs.getBytes("log_meta_data"),
                rs.getBytes("log_previous_hash"),
                rs.getBytes("log_event_hash"));
        boolean verified = globalIndex == position
                && stored.eventIdentifier().equals(eventId)
                && stored.eventHash() != null
                && Arrays.equals(EventHashes.eventHash(stored, stored.previousHash()), stored.eventHash());
        return new LoggedEvent(
                stored.payload(), stored.metaData(), stored.eventHash(), stored.previousHash(), verified);
    }
}
