package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;

/** Stock of the lot left this location for another location of the practice. */
@Revision("1")
public record StockTransferredOutEvent(
        StockLotRef lot,
        String transferId,
        String toLocationId,
        Quantity quantity,
        BigDecimal milligrams,
        LocalDate expiresOn,
        String transferredBy,
        String witnessedBy,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry)
        implements LedgerEvent {}
