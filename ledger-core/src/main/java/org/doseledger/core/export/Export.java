package org.doseledger.core.export;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.doseledger.core.export.api.ExportAlreadyGeneratedException;
import org.doseledger.core.export.api.ExportGeneratedEvent;
import org.doseledger.core.export.api.ExportIds;
import org.doseledger.core.export.api.ExportNotCoveredException;
import org.doseledger.core.export.api.ExportRequestedEvent;
import org.doseledger.core.export.api.ExportTypes;
import org.doseledger.core.export.api.NotAPdmpExportException;
import org.doseledger.core.export.api.PdmpSubmissionBeforeGenerationException;
import org.doseledger.core.export.api.PdmpSubmissionOutOfOrderException;
import org.doseledger.core.export.api.PdmpSubmissionStatus;
import org.doseledger.core.export.api.PdmpSubmissionStatusChangedEvent;
import org.doseledger.core.export.api.RecordExportCommand;
import org.doseledger.core.export.api.RecordPdmpSubmissionCommand;
import org.doseledger.core.export.api.RequestExportCommand;
import org.doseledger.core.shared.OccurredInFutureException;

/**
 * One generated regulator export. It is recorded once, when its bundle is complete, and its bundle never
 * changes: the bundle's records lie inside the checkpoint it carries. A PDMP file also records what the
 * state did with it: GENERATED or REJECTED -> SUBMITTED -> ACCEPTED (final) or REJECTED.
 */
public class Export {

    @AggregateIdentifier
    private String id;

    /** A few minutes of difference between the practice's clocks and the ledger's is not the future. */
    private static final Duration CLOCK_DRIFT = Duration.ofMinutes(5);

    private String exportType;
    private Instant generatedAt;
    /** Null while only generated. */
    private PdmpSubmissionStatus submission;

    protected Export() {}

    @CommandHandler
    public Export(RequestExportCommand command) {
        apply(new ExportRequestedEvent(
                command.practiceId(),
                command.exportId(),
                command.exportType(),
                command.parameters(),
                command.requestedBy(),
                command.requestedAt()));
    }

    /** Generation follows its request; an export requested before requests were recorded is created here. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordExportCommand command) {
        if (generatedAt != null) {
            throw new ExportAlreadyGeneratedException(command.exportId());
        }
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
                command.generatedAt(),
                command.pdmpRecords() == null ? null : List.copyOf(command.pdmpRecords())));
    }

    @CommandHandler
    void handle(RecordPdmpSubmissionCommand command, Clock clock) {
        if (!ExportTypes.PDMP_ASAP.equals(exportType)) {
            throw new NotAPdmpExportException(command.exportId(), exportType);
        }
        if (generatedAt == null) {
            throw new PdmpSubmissionOutOfOrderException(command.exportId(), "REQUESTED", command.status());
        }
        Instant recordedAt = clock.instant();
        if (command.at().isAfter(recordedAt.plus(CLOCK_DRIFT))) {
            throw new OccurredInFutureException(command.at(), recordedAt);
        }
        if (command.at().isBefore(generatedAt)) {
            throw new PdmpSubmissionBeforeGenerationException(command.exportId(), command.at(), generatedAt);
        }
        boolean allowed = switch (command.status()) {
            case SUBMITTED -> submission == null || submission == PdmpSubmissionStatus.REJECTED;
            case ACCEPTED, REJECTED -> submission == PdmpSubmissionStatus.SUBMITTED;
        };
        if (!allowed) {
            throw new PdmpSubmissionOutOfOrderException(
                    command.exportId(), submission == null ? "GENERATED" : submission.name(), command.status());
        }
        apply(new PdmpSubmissionStatusChangedEvent(
                command.practiceId(),
                command.exportId(),
                command.status(),
                command.reference(),
                command.reason(),
                command.at()));
    }

    @EventSourcingHandler
    void on(ExportRequestedEvent event) {
        id = ExportIds.aggregateId(event.exportId());
        exportType = event.exportType();
    }

    @EventSourcingHandler
    void on(ExportGeneratedEvent event) {
        id = ExportIds.aggregateId(event.exportId());
        exportType = event.exportType();
        generatedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(PdmpSubmissionStatusChangedEvent event) {
        submission = event.status();
    }
}
