package org.doseledger.core.practitioner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.practitioner.api.DeactivatePractitionerCommand;
import org.doseledger.core.practitioner.api.PractitionerAlreadyInactiveException;
import org.doseledger.core.practitioner.api.PractitionerDeactivatedEvent;
import org.doseledger.core.practitioner.api.PractitionerIds;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.PrescriberNeedsDeaNumberException;
import org.doseledger.core.practitioner.api.RegisterPractitionerCommand;

/** A practitioner of a practice: who may act on stock, and in which roles. */
public class Practitioner {

    @AggregateIdentifier
    private String id;

    private String practitionerId;
    private boolean active;

    protected Practitioner() {}

    @CommandHandler
    public Practitioner(RegisterPractitionerCommand command) {
        if (command.roles().contains(PractitionerRole.PRESCRIBER) && command.deaNumber() == null) {
            throw new PrescriberNeedsDeaNumberException(command.practitionerId());
        }
        apply(new PractitionerRegisteredEvent(
                command.practiceId(),
                command.practitionerId(),
                command.name(),
                List.copyOf(new TreeSet<>(command.roles())),
                command.deaNumber() == null ? null : command.deaNumber().value(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(DeactivatePractitionerCommand command) {
        if (!active) {
            throw new PractitionerAlreadyInactiveException(practitionerId);
        }
        apply(new PractitionerDeactivatedEvent(
                command.practiceId(), command.practitionerId(), command.occurredAt(), command.reason()));
    }

    @EventSourcingHandler
    void on(PractitionerRegisteredEvent event) {
        id = PractitionerIds.aggregateId(event.practiceId(), event.practitionerId());
        practitionerId = event.practitionerId();
        active = true;
    }

    @EventSourcingHandler
    void on(PractitionerDeactivatedEvent event) {
        active = false;
    }
}
