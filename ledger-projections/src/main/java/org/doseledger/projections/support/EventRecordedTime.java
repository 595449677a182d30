package org.doseledger.projections.support;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.doseledger.core.shared.LedgerMetadata;

/** When the ledger recorded an event: the server time in its metadata, or the append time for system events. */
public final class EventRecordedTime {

    private EventRecordedTime() {}

    public static Instant of(EventMessage<?> message) {
        Object recordedAt = message.getMetaData().get(LedgerMetadata.RECORDED_AT);
        return recordedAt == null ? message.getTimestamp() : Instant.parse(recordedAt.toString());
    }
}
