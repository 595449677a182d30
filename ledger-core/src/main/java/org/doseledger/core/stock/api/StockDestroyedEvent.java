package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;

/** Stock was rendered non-retrievable (DEA Form 41): full containers, the partial count, the total, method, place, who destroyed it and the two witnesses. */
@Revision("1")
public record StockDestroyedEvent(
        StockLotRef lot,
        String destructionId,
        Quantity quantity,
        BigDecimal milligrams,
        Quantity containerSize,
        int fullContainers,
        Quantity partialQuantity,
        String method,
        String place,
        String destroyedBy,
        List<String> witnessedBy,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry)
        implements LedgerEvent {}
