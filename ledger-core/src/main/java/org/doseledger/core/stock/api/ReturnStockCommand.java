package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/** Return stock of the lot to its supplier (or a reverse distributor), witnessed. */
public record ReturnStockCommand(
        StockLotRef lot,
        String returnId,
        Quantity quantity,
        Supplier returnedTo,
        String reason,
        String returnedBy,
        String witnessedBy,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
