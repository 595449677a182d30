package org.doseledger.core.shared;

import java.time.Duration;
import java.time.Instant;

/** A fact recorded later than the policy allows needs a reason and a co-signing practitioner. */
public class LateEntryNeedsReasonException extends LedgerRuleViolation {

    public LateEntryNeedsReasonException(Instant occurredAt, Instant recordedAt, Duration threshold) {
        super("The entry occurred at " + occurredAt + " and is recorded at " + recordedAt + ", more than "
                + threshold.toHours() + " h later: give lateEntry.reason and lateEntry.cosignedBy");
    }

    @Override
    public String code() {
        return "LATE_ENTRY_NEEDS_REASON";
    }
}
