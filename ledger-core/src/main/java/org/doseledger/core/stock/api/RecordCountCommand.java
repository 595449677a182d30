package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/** Record a physical count of the lot; a count never changes the balance, a difference becomes a discrepancy. */
public record RecordCountCommand(
        StockLotRef lot,
        String countId,
        CountKind kind,
        CountTiming timing,
        Quantity counted,
        boolean exact,
        String countedBy,
        String witnessedBy,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
