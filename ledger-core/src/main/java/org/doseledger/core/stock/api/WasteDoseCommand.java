package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/**
 * Record that the unused part of a draw was wasted by the practitioner who drew it, witnessed by
 * another.
 *
 * @param method how it was rendered unusable, e.g. "expelled into drug disposal container"
 */
public record WasteDoseCommand(
        StockLotRef lot,
        String drawId,
        Quantity quantity,
        String method,
        String wastedBy,
        String witnessedBy,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
