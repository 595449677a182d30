package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a scheduled session at a location, with the practitioner who monitors the client throughout. */
public record StartDosingSessionCommand(
        @TargetAggregateIdentifier SessionRef session, String locationId, String monitoredBy, Instant startedAt) {}
