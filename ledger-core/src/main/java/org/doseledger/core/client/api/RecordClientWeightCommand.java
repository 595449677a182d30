package org.doseledger.core.client.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;

/** Record a client's measured weight, on which mg/kg doses are based. */
public record RecordClientWeightCommand(
        @TargetAggregateIdentifier ClientRef client, BigDecimal kilograms, String measuredBy, Instant occurredAt) {}
