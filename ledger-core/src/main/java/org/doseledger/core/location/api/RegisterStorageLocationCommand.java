package org.doseledger.core.location.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** Register a locked safe or cabinet of a practice where stock is kept. */
public record RegisterStorageLocationCommand(
        PracticeId practiceId, String locationId, String name, LocationKind kind, boolean refrigerated) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return LocationIds.aggregateId(practiceId, locationId);
    }
}
