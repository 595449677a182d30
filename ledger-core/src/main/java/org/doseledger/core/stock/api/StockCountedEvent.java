package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;

/** A physical count of the lot: what was counted (exact or estimated for opened containers) against what the ledger expected. */
@Revision("1")
public record StockCountedEvent(
        StockLotRef lot,
        String countId,
        CountKind kind,
        CountTiming timing,
        Quantity counted,
        Quantity expected,
        Quantity difference,
        boolean exact,
        String countedBy,
        String witnessedBy,
        Instant occurredAt,
        LateEntry lateEntry)
        implements LedgerEvent {}
