package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;

/** Dispense a take-home dose from the lot to a client on a prescriber's order; reported to the PDMP. */
public record DispenseDoseCommand(
        StockLotRef lot,
        String dispensationId,
        Quantity quantity,
        Route route,
        String clientId,
        String prescribedBy,
        String dispensedBy,
        int daysSupply,
        Prescription prescription,
        Instant occurredAt,
        LateEntry lateEntry) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
