package org.doseledger.core.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.access.api.AccessIds;
import org.doseledger.core.access.api.AccessLogReviewedEvent;
import org.doseledger.core.access.api.InvalidReviewPeriodException;
import org.doseledger.core.access.api.MarkAccessLogReviewedCommand;

/**
 * A compliance officer's review of a period of the practice's access log. Only a period that has
 * passed can be reviewed; reviews of overlapping periods are separate facts.
 */
public class AccessLogReview {

    @AggregateIdentifier
    private String id;

    protected AccessLogReview() {}

    @CommandHandler
    public AccessLogReview(MarkAccessLogReviewedCommand command, Clock clock) {
        if (!command.to().isAfter(command.from())) {
            throw InvalidReviewPeriodException.empty(command.from(), command.to());
        }
        Instant now = clock.instant();
        if (command.to().isAfter(now)) {
            throw InvalidReviewPeriodException.inTheFuture(command.to(), now);
        }
        apply(new AccessLogReviewedEvent(
                command.practiceId(),
                command.reviewId(),
                command.from(),
                command.to(),
                command.reviewedBy(),
                command.credentialId(),
                command.note() == null || command.note().isBlank()
                        ? null
                        : command.note().strip(),
                now));
    }

    @EventSourcingHandler
    void on(AccessLogReviewedEvent event) {
        id = AccessIds.reviewAggregateId(event.practiceId(), event.reviewId());
    }
}
