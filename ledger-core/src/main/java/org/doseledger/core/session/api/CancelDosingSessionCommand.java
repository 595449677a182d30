package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a session that has not started. */
public record CancelDosingSessionCommand(
        @TargetAggregateIdentifier SessionRef session, String reason, Instant occurredAt) {}
