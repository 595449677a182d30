package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;

/** A discrepancy was explained and approved; {@code adjustment} is what was booked to the balance (zero when the count was wrong). */
@Revision("1")
public record DiscrepancyResolvedEvent(
        StockLotRef lot,
        String discrepancyId,
        String explanation,
        Quantity adjustment,
        BigDecimal adjustmentMilligrams,
        String resolvedBy,
        String approvedBy,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry)
        implements LedgerEvent {}
