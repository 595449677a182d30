package org.doseledger.core.location;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.location.api.LocationIds;
import org.doseledger.core.location.api.RegisterStorageLocationCommand;
import org.doseledger.core.location.api.StorageLocationRegisteredEvent;
import org.doseledger.core.shared.Registrations;

/** A locked safe or cabinet of a practice. */
public class StorageLocation {

    @AggregateIdentifier
    private String id;

    protected StorageLocation() {}

    @CommandHandler
    public StorageLocation(RegisterStorageLocationCommand command, Clock clock) {
        apply(new StorageLocationRegisteredEvent(
                command.practiceId(),
                command.locationId(),
                command.name(),
                command.kind(),
                command.refrigerated(),
                Registrations.inUseSince(command.occurredAt(), clock)));
    }

    @EventSourcingHandler
    void on(StorageLocationRegisteredEvent event) {
        id = LocationIds.aggregateId(event.practiceId(), event.locationId());
    }
}
