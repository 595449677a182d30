package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/**
 * Draw a dose from a lot for a client; the draw stays open until administered plus wasted equals drawn.
 * {@code witnessedBy} is optional unless the practice's policy requires witnessed draws.
 */
public record DrawDoseCommand(
        StockLotRef lot,
        String drawId,
        Quantity quantity,
        String clientId,
        String sessionId,
        String drawnBy,
        Instant occurredAt,
        LateEntry lateEntry,
        String witnessedBy) {

    /** A draw without a witness. */
    public DrawDoseCommand(
            StockLotRef lot,
            String drawId,
            Quantity quantity,
            String clientId,
            String sessionId,
            String drawnBy,
            Instant occurredAt,
            LateEntry lateEntry) {
        this(lot, drawId, quantity, clientId, sessionId, drawnBy, occurredAt, lateEntry, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
