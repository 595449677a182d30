package org.doseledger.api.config;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.doseledger.core.shared.LedgerMetadata;

/**
 * Axon's JDBC engine, with each event read for a streaming processor carrying its own global index in
 * its metadata ({@link LedgerMetadata#LEDGER_POSITION}).
 *
 * <p>Transactions commit out of the order in which their events took their global index, so an event
 * often fills a gap behind events already handled. Its tracking token then stands at the highest index
 * seen, not at the event's own: a read model that keyed rows by the token's position stored such an event
 * at another event's position, or dropped it as already applied. The own index is what read models key
 * by; the token stays what it is, the processor's progress.
 */
public class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    LedgerEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> tracked = super.getTrackedEventData(resultSet, previousToken);
        long globalIndex = resultSet.getLong(schema().globalIndexColumn());
        return new TrackedDomainEventData<>(
                tracked.trackingToken(), withPosition((DomainEventData<?>) tracked, globalIndex));
    }

    private static <T> DomainEventData<T> withPosition(DomainEventData<T> event, long globalIndex) {
        SerializedObject<T> payload = event.getPayload();
        @SuppressWarnings("unchecked")
        T metadata = (T) withPosition((byte[]) event.getMetaData().getData(), globalIndex);
        return new GenericDomainEventEntry<>(
                event.getType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getEventIdentifier(),
                event.getTimestamp(),
                payload.getType().getName(),
                payload.getType().getRevision(),
                payload.getData(),
                metadata);
    }

    /**
     * The stored metadata object with the position added as its last member, so that it wins over a
     * stored member of the same name (none is ever written: the ledger's metadata keys are fixed).
     */
    static byte[] withPosition(byte[] metadata, long globalIndex) {
        String member = "\"" + LedgerMetadata.LEDGER_POSITION + "\":\"" + globalIndex + "\"";
        if (metadata == null || metadata.length == 0) {
            return ("{" + member + "}").getBytes(StandardCharsets.UTF_8);
        }
        int end = metadata.length - 1;
        while (end >= 0 && Character.isWhitespace(metadata[end])) {
            end--;
        }
        int start = 0;
        while (start < end && Character.isWhitespace(metadata[start])) {
            start++;
        }
        if (end <= start || metadata[end] != '}' || metadata[start] != '{') {
            throw new IllegalStateException("event metadata at " + globalIndex + " is not a JSON object");
        }
        boolean empty = true;
        for (int i = start + 1; i < end; i++) {
            if (!Character.isWhitespace(metadata[i])) {
                empty = false;
                break;
            }
        }
        byte[] added = ((empty ? "" : ",") + member + "}").getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[end + added.length];
        System.arraycopy(metadata, 0, result, 0, end);
        System.arraycopy(added, 0, result, end, added.length);
        return result;
    }
}
