package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;

/** Resolve a count discrepancy with an explanation and the registrant's approval; {@code adjustToCount} books the difference. */
public record ResolveDiscrepancyCommand(
        StockLotRef lot,
        String discrepancyId,
        String explanation,
        boolean adjustToCount,
        String resolvedBy,
        String approvedBy,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
