package org.doseledger.api.generator;

import java.time.Duration;

/**
 * What an emitter wrote: the facts sent, the events the ledger appended for them and how long it took.
 *
 * @param lastPosition the highest ledger position appended, to read the writes back with atLeastPosition
 */
public record EmitResult(long facts, long events, long lastPosition, Duration took) {

    public double eventsPerSecond() {
        return took.isZero() ? 0 : events * 1_000_000_000.0 / took.toNanos();
    }

    public String summary() {
        return "%d facts, %d events in %.1f s: %.0f events/s"
                .formatted(facts, events, took.toMillis() / 1000.0, eventsPerSecond());
    }
}
