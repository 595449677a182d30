package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;

/** An earlier entry was corrected: which one, from what quantity to what (null: removed), the change to the balance, why, who corrected and who approved. */
@Revision("1")
public record EntryCorrectedEvent(
        StockLotRef lot,
        String correctionId,
        String correctedEventId,
        Movement correctedMovement,
        String drawId,
        Quantity originalQuantity,
        Quantity correctedQuantity,
        Quantity balanceChange,
        Quantity balanceAfter,
        String reason,
        String correctedBy,
        String approvedBy,
        Instant occurredAt,
        LateEntry lateEntry)
        implements LedgerEvent {}
