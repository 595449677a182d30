package org.doseledger.core.stock.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.CreatesStreamIfMissing;
import org.doseledger.core.shared.LateEntry;

/**
 * Record containers of a lot received into a storage location.
 *
 * @param containers number of full containers (e.g. vials) received
 */
public record ReceiveStockCommand(
        StockLotRef lot,
        String receiptId,
        LocalDate expiresOn,
        int containers,
        Supplier supplier,
        String invoiceNumber,
        String receivedBy,
        Instant occurredAt,
        LateEntry lateEntry)
        implements CreatesStreamIfMissing {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
