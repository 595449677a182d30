package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.Substance;

/** Schedule a dosing session for a client; esketamine (Spravato) sessions follow the REMS rules. */
public record ScheduleDosingSessionCommand(
        @TargetAggregateIdentifier SessionRef session,
        String clientId,
        Substance substance,
        Instant scheduledFor,
        Instant occurredAt) {}
