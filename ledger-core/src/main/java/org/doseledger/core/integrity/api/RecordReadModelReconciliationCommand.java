package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record what a reconciliation of one read model against the event log found. The ledger records a
 * change of verdict (consistent to diverged, or back), not every run.
 *
 * @param divergences events or rows found wrong; 0 when consistent
 * @param summary what was found, for people
 */
public record RecordReadModelReconciliationCommand(
        String processor,
        boolean consistent,
        long reconciledUpTo,
        long divergences,
        String summary,
        Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return IntegrityIds.AGGREGATE_ID;
    }
}
