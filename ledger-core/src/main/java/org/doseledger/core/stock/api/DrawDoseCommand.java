package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/** Draw a dose from a lot for a client; the draw stays open until administered plus wasted equals drawn. */
public record DrawDoseCommand(
        StockLotRef lot,
        String drawId,
        Quantity quantity,
        String clientId,
        String sessionId,
        String drawnBy,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
