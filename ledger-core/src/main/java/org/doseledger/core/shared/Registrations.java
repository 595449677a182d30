package org.doseledger.core.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When a registered thing (a product in the catalogue, a storage location) came into use. */
public final class Registrations {

    private static final Duration CLOCK_DRIFT = Duration.ofMinutes(5);

    private Registrations() {}

    /**
     * The moment given, or now when none is: a practice that starts keeping its ledger here registers the
     * safes and products it already had with the date they came into use, so that earlier entries can
     * name them.
     */
    public static Instant inUseSince(Instant occurredAt, Clock clock) {
        Instant now = clock.instant();
        if (occurredAt == null) {
            return now;
        }
        if (occurredAt.isAfter(now.plus(CLOCK_DRIFT))) {
            throw new OccurredInFutureException(occurredAt, now);
        }
        return occurredAt;
    }
}
