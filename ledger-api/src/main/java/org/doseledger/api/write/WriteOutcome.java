package org.doseledger.api.write;

import java.net.URI;

/**
 * The response of a successful write. {@code replayBody} is what a retry with the same
 * Idempotency-Key gets back; it differs from {@code body} only where the first answer carried a
 * secret that is never stored (a new API key).
 */
public record WriteOutcome(int status, URI location, Object body, Object replayBody) {

    public static WriteOutcome created(URI location, Object body) {
        return new WriteOutcome(201, location, body, body);
    }

    /** The answer of an action with no resource to point at. */
    public static WriteOutcome of(int status, Object body) {
        return new WriteOutcome(status, null, body, body);
    }
}
