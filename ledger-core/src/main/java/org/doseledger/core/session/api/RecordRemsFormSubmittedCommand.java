package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the Spravato REMS patient-monitoring form of a session was submitted. */
public record RecordRemsFormSubmittedCommand(
        @TargetAggregateIdentifier SessionRef session,
        String confirmationNumber,
        String submittedBy,
        Instant occurredAt) {}
