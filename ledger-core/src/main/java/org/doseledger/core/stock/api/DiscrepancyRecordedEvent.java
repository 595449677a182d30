package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;

/** A count differed from the ledger's balance; the discrepancy stays open until resolved with an explanation and approval. */
@Revision("1")
public record DiscrepancyRecordedEvent(
        StockLotRef lot,
        String discrepancyId,
        Quantity expected,
        Quantity counted,
        Quantity difference,
        Instant occurredAt)
        implements LedgerEvent {}
