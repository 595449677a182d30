package org.doseledger.core.compliance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.doseledger.core.compliance.api.AcknowledgeExceptionCommand;
import org.doseledger.core.compliance.api.ExceptionAcknowledgedEvent;
import org.doseledger.core.compliance.api.ExceptionAlreadyAcknowledgedException;
import org.doseledger.core.compliance.api.ExceptionAlreadyResolvedException;
import org.doseledger.core.compliance.api.ExceptionResolvedEvent;
import org.doseledger.core.compliance.api.ExceptionReviewIds;
import org.doseledger.core.compliance.api.ResolutionNeedsNoteException;
import org.doseledger.core.compliance.api.ResolveExceptionCommand;

/**
 * A compliance officer's review of one compliance exception: acknowledged (once), then resolved
 * (once, with a note). The exception itself is raised by the read side from the ledger's events; its
 * review is a fact of its own, so that who looked at what, when and what they concluded is on the
 * record.
 */
public class ExceptionReview {

    @AggregateIdentifier
    private String id;

    private String acknowledgedBy;
    private boolean resolved;

    protected ExceptionReview() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AcknowledgeExceptionCommand command, Clock clock) {
        if (resolved) {
            throw new ExceptionAlreadyResolvedException(command.exceptionId());
        }
        if (acknowledgedBy != null) {
            throw new ExceptionAlreadyAcknowledgedException(command.exceptionId(), acknowledgedBy);
        }
        apply(new ExceptionAcknowledgedEvent(
                command.practiceId(),
                command.exceptionId(),
                command.kind(),
                command.reviewedBy(),
                blankToNull(command.note()),
                clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ResolveExceptionCommand command, Clock clock) {
        if (resolved) {
            throw new ExceptionAlreadyResolvedException(command.exceptionId());
        }
        if (command.note() == null || command.note().isBlank()) {
            throw new ResolutionNeedsNoteException(command.exceptionId());
        }
        apply(new ExceptionResolvedEvent(
                command.practiceId(),
                command.exceptionId(),
                command.kind(),
                command.reviewedBy(),
                command.note().strip(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(ExceptionAcknowledgedEvent event) {
        id = ExceptionReviewIds.aggregateId(event.practiceId(), event.exceptionId());
        acknowledgedBy = event.reviewedBy();
    }

    @EventSourcingHandler
    void on(ExceptionResolvedEvent event) {
        id = ExceptionReviewIds.aggregateId(event.practiceId(), event.exceptionId());
        resolved = true;
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
