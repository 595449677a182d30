package org.doseledger.core.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A client of a practice. The client id is chosen by the practice's software and unique only within
 * the practice, so the stream identifier combines both.
 */
public record ClientRef(PracticeId practiceId, String clientId) {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ClientRef {
        Objects.requireNonNull(practiceId, "practice id");
        if (!isValidClientId(clientId)) {
            throw new IllegalArgumentException("client id must match " + CLIENT_ID.pattern() + ": " + clientId);
        }
    }

    public static boolean isValidClientId(String clientId) {
        return clientId != null && CLIENT_ID.matcher(clientId).matches();
    }

    /** The event-store identifier of the client's stream; also what Axon routes commands by. */
    @Override
    public String toString() {
        return "client:" + practiceId.value() + ":" + clientId;
    }
}
