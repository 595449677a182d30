package org.doseledger.core.stock.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.CreatesStreamIfMissing;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;

/** Book stock transferred out of another location into this one (sent together with the transfer out). */
public record ReceiveTransferCommand(
        StockLotRef lot,
        String transferId,
        String fromLocationId,
        Substance substance,
        Strength strength,
        LocalDate expiresOn,
        Quantity containerSize,
        Quantity quantity,
        String transferredBy,
        String witnessedBy,
        Instant occurredAt,
        LateEntry lateEntry)
        implements CreatesStreamIfMissing {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
