package org.doseledger.core.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.access.api.AccessIds;
import org.doseledger.core.access.api.ClientDataAccessedEvent;
import org.doseledger.core.access.api.RecordClientDataAccessCommand;

/**
 * One read or export of client data. It is created and never changed: a stream per access keeps
 * concurrent reads from contending, and the fact itself needs no rule beyond being recorded.
 */
public class ClientDataAccess {

    @AggregateIdentifier
    private String id;

    protected ClientDataAccess() {}

    @CommandHandler
    public ClientDataAccess(RecordClientDataAccessCommand command) {
        apply(new ClientDataAccessedEvent(
                command.practiceId(),
                command.accessId(),
                command.credentialId(),
                command.role(),
                command.clientId(),
                command.kind(),
                command.endpoint(),
                command.parameters(),
                command.purpose(),
                command.accessedAt()));
    }

    @EventSourcingHandler
    void on(ClientDataAccessedEvent event) {
        id = AccessIds.accessAggregateId(event.accessId());
    }
}
