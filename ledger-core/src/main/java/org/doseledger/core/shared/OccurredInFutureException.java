package org.doseledger.core.shared;

import java.time.Instant;

/** A fact cannot have occurred after the ledger records it (beyond a few minutes of clock drift). */
public class OccurredInFutureException extends LedgerRuleViolation {

    public OccurredInFutureException(Instant occurredAt, Instant recordedAt) {
        super("The entry says it occurred at " + occurredAt + ", after it is recorded at " + recordedAt);
    }

    @Override
    public String code() {
        return "OCCURRED_IN_FUTURE";
    }
}
