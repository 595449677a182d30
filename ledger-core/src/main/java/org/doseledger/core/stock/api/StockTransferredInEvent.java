package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;

/** Stock of the lot arrived at this location from another location of the practice. */
@Revision("1")
public record StockTransferredInEvent(
        StockLotRef lot,
        String transferId,
        String fromLocationId,
        Substance substance,
        Strength strength,
        LocalDate expiresOn,
        Quantity containerSize,
        Quantity quantity,
        BigDecimal milligrams,
        String transferredBy,
        String witnessedBy,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry)
        implements LedgerEvent {}
