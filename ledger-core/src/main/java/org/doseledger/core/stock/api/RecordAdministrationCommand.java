package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;

/**
 * Record that (part of) a drawn dose was given to the client it was drawn for.
 *
 * @param override rationale and second prescriber for a dose outside the treatment plan; null otherwise
 */
public record RecordAdministrationCommand(
        StockLotRef lot,
        String drawId,
        Quantity quantity,
        Route route,
        String administeredBy,
        Instant occurredAt,
        LateEntry lateEntry,
        DoseOverride override) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
