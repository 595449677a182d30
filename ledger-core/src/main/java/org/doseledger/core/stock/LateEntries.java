package org.doseledger.core.stock;

import java.time.Duration;
import java.time.Instant;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LateEntryNeedsReasonException;
import org.doseledger.core.shared.OccurredInFutureException;
import org.doseledger.core.shared.PracticeId;

/**
 * Back-filled entries are what inspectors distrust most. A fact recorded more than the threshold
 * after it occurred needs a reason and a co-signer other than the actor; the event keeps both.
 */
final class LateEntries {

    static final Duration CLOCK_DRIFT = Duration.ofMinutes(5);

    private LateEntries() {}

    /**
     * Returns the late-entry justification to record: null for a timely entry.
     *
     * @param window the practice's late-entry window (24 h by default)
     */
    static LateEntry check(
            Instant occurredAt,
            Instant recordedAt,
            LateEntry lateEntry,
            PracticeId practiceId,
            String actor,
            Practitioners practitioners,
            Duration window) {
        if (occurredAt.isAfter(recordedAt.plus(CLOCK_DRIFT))) {
            throw new OccurredInFutureException(occurredAt, recordedAt);
        }
        boolean late = Duration.between(occurredAt, recordedAt).compareTo(window) > 0;
        if (!late) {
            return null;
        }
        if (lateEntry == null
                || lateEntry.reason() == null
                || lateEntry.reason().isBlank()) {
            throw new LateEntryNeedsReasonException(occurredAt, recordedAt, window);
        }
        PractitionerChecks.requireSecondPerson(
                practitioners, practiceId, actor, lateEntry.cosignedBy(), StockAction.COSIGN, recordedAt);
        return lateEntry;
    }
}
