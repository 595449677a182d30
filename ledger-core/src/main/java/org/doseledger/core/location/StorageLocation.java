package org.doseledger.core.location;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.location.api.LocationIds;
import org.doseledger.core.location.api.LocationNeedsOwnRegistrationException;
import org.doseledger.core.location.api.RegisterStorageLocationCommand;
import org.doseledger.core.location.api.StorageLocationRegisteredEvent;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.Registrations;

/** A locked safe or cabinet of a practice. */
public class StorageLocation {

    @AggregateIdentifier
    private String id;

    protected StorageLocation() {}

    @CommandHandler
    public StorageLocation(RegisterStorageLocationCommand command, Practices practices, Clock clock) {
        Optional<PostalAddress> registeredAddress = practices.address(command.practiceId());
        boolean elsewhere = command.address() != null
                && registeredAddress.isPresent()
                && !command.address().equals(registeredAddress.get());
        String practiceDea = practices.deaNumber(command.practiceId()).orElse(null);
        String deaNumber =
                command.deaNumber() == null ? null : command.deaNumber().value();
        if (elsewhere && deaNumber == null) {
            throw new LocationNeedsOwnRegistrationException("Location " + command.locationId() + " at "
                    + command.address().line1() + ", " + command.address().city()
                    + " is not at the practice's registered address: its stock is held under a DEA registration"
                    + " of that address, which the location must name (21 CFR 1301.12)");
        }
        if (elsewhere && deaNumber.equals(practiceDea)) {
            throw new LocationNeedsOwnRegistrationException("Location " + command.locationId() + " at "
                    + command.address().line1() + ", " + command.address().city()
                    + " cannot be held under the practice's DEA registration " + practiceDea
                    + ", which covers its registered address only (21 CFR 1301.12)");
        }
        if (!elsewhere && deaNumber != null && !deaNumber.equals(practiceDea)) {
            throw new LocationNeedsOwnRegistrationException("Location " + command.locationId()
                    + " at the practice's registered address is held under the practice's DEA registration "
                    + practiceDea + ", not " + deaNumber);
        }
        apply(new StorageLocationRegisteredEvent(
                command.practiceId(),
                command.locationId(),
                command.name(),
                command.kind(),
                command.refrigerated(),
                Registrations.inUseSince(command.occurredAt(), clock),
                elsewhere ? command.address() : null,
                elsewhere ? deaNumber : null,
                command.remsHealthcareSettingId()));
    }

    @EventSourcingHandler
    void on(StorageLocationRegisteredEvent event) {
        id = LocationIds.aggregateId(event.practiceId(), event.locationId());
    }
}
