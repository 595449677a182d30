package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/** Correct an earlier entry of the lot: its exact inverse is applied, plus the corrected quantity when the entry should have had another one (null: it should not exist). The original stays. */
public record CorrectEntryCommand(
        StockLotRef lot,
        String correctionId,
        String correctedEventId,
        Quantity correctedQuantity,
        String reason,
        String correctedBy,
        String approvedBy,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
