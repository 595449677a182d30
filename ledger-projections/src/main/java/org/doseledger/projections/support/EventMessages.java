package org.doseledger.projections.support;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.doseledger.core.shared.LedgerMetadata;

/** What streaming projections read off every event message: its own ledger position, type name and recorded time. */
public final class EventMessages {

    private EventMessages() {}

    /**
     * The event's own ledger position (global index), which the event store adds to the metadata of
     * every event it reads for a streaming read model.
     */
    public static long position(EventMessage<?> message) {
        Object position = message.getMetaData().get(LedgerMetadata.LEDGER_POSITION);
        if (position == null) {
            throw new IllegalStateException(
                    "event " + message.getIdentifier() + " was read without its ledger position");
        }
        return Long.parseLong(position.toString());
    }

    /** The event's type as the API names it: {@code DoseDrawnEvent} is "DoseDrawn". */
    public static String eventType(EventMessage<?> message) {
        return eventType(message.getPayloadType());
    }

    public static String eventType(Class<?> payloadType) {
        String name = payloadType.getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    public static Instant recordedAt(EventMessage<?> message) {
        return EventRecordedTime.of(message);
    }
}
