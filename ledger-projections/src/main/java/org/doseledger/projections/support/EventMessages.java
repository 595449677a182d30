package org.doseledger.projections.support;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

/** What streaming projections read off every event message: its ledger position, type name and recorded time. */
public final class EventMessages {

    private EventMessages() {}

    /** The ledger position (global index) of the event a tracking token points at. */
    public static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("token without position: " + token));
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
