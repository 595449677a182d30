package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/** Move stock of the lot to another location of the practice, witnessed; the lot keeps its number and expiry there. */
public record TransferStockCommand(
        StockLotRef lot,
        String transferId,
        String toLocationId,
        Quantity quantity,
        String transferredBy,
        String witnessedBy,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
