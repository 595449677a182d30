package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.SealedPersonalData;

/** Cancel a session that has not started. */
public record CancelDosingSessionCommand(
        @TargetAggregateIdentifier SessionRef session, SealedPersonalData reason, Instant occurredAt) {}
