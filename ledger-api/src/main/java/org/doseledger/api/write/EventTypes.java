package org.doseledger.api.write;

/** The short name of an event type as the API shows it: {@code ConsentSignedEvent} is "ConsentSigned". */
public final class EventTypes {

    private EventTypes() {}

    public static String of(Class<?> payloadType) {
        String name = payloadType.getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }
}
