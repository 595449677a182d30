package org.doseledger.core.product;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.product.api.ProductIds;
import org.doseledger.core.product.api.ProductRegisteredEvent;
import org.doseledger.core.product.api.ProductUnitMismatchException;
import org.doseledger.core.product.api.RegisterProductCommand;
import org.doseledger.core.shared.Registrations;

/** A product in a practice's catalogue. Stock refers to it by NDC; its strength turns quantities into mg. */
public class Product {

    @AggregateIdentifier
    private String id;

    protected Product() {}

    @CommandHandler
    public Product(RegisterProductCommand command, Clock clock) {
        if (command.strength().unit() != command.containerSize().unit()) {
            throw new ProductUnitMismatchException(
                    command.ndc(),
                    command.strength().unit(),
                    command.containerSize().unit());
        }
        apply(new ProductRegisteredEvent(
                command.practiceId(),
                command.ndc(),
                command.name(),
                command.substance(),
                command.schedule(),
                command.dosageForm(),
                command.finishedForm(),
                command.strength(),
                command.containerSize(),
                Registrations.inUseSince(command.occurredAt(), clock)));
    }

    @EventSourcingHandler
    void on(ProductRegisteredEvent event) {
        id = ProductIds.aggregateId(event.practiceId(), event.ndc());
    }
}
