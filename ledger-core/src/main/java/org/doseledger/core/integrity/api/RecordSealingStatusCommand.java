package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record whether sealing works: halted (the sealer refused to sign, or the oldest unsealed event grew
 * older than the bound) or running. The ledger records a change of state, not every check.
 *
 * @param reason why sealing is halted, for people; null when it runs
 */
public record RecordSealingStatusCommand(boolean halted, String reason, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return IntegrityIds.AGGREGATE_ID;
    }
}
