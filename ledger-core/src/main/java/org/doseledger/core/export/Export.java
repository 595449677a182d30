package org.doseledger.core.export;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.export.api.ExportGeneratedEvent;
import org.doseledger.core.export.api.ExportIds;
import org.doseledger.core.export.api.ExportNotCoveredException;
import org.doseledger.core.export.api.RecordExportCommand;

/**
 * One generated regulator export. It is recorded once, when its bundle is complete, and never changes;
 * the one rule is that the bundle's records lie inside the checkpoint it carries.
 */
public class Export {

    @AggregateIdentifier
    private String id;

    protected Export() {}

    @CommandHandler
    public Export(RecordExportCommand command) {
        if (command.ledgerPosition() > command.checkpointToIndex()) {
            throw new ExportNotCoveredException(
                    command.exportId(),
                    command.ledgerPosition(),
                    command.checkpointNumber(),
                    command.checkpointToIndex());
        }
        apply(new ExportGeneratedEvent(
                command.practiceId(),
                command.exportId(),
                command.exportType(),
                command.parameters(),
                command.records(),
                command.files(),
                command.manifestSha256(),
                command.ledgerPosition(),
                command.checkpointNumber(),
                command.checkpointToIndex(),
                command.generatedBy(),
                command.generatedAt()));
    }

    @EventSourcingHandler
    void on(ExportGeneratedEvent event) {
        id = ExportIds.aggregateId(event.exportId());
    }
}
