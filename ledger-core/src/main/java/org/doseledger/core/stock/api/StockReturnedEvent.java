package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;

/** Stock of the lot left the practice back to a registrant: how much, to whom, why, by whom, witnessed by whom. */
@Revision("1")
public record StockReturnedEvent(
        StockLotRef lot,
        String returnId,
        Quantity quantity,
        BigDecimal milligrams,
        Supplier returnedTo,
        String reason,
        String returnedBy,
        String witnessedBy,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry)
        implements LedgerEvent {}
