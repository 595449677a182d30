package org.doseledger.core.stock.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/** Destroy stock of the lot (DEA Form 41): method, place, and two witnesses other than the person destroying it. */
public record DestroyStockCommand(
        StockLotRef lot,
        String destructionId,
        Quantity quantity,
        String method,
        String place,
        String destroyedBy,
        List<String> witnessedBy,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
