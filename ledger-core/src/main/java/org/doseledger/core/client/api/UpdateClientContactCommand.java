package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;

/** Record the phone number at which the practice reaches a client. */
public record UpdateClientContactCommand(
        @TargetAggregateIdentifier ClientRef client, String phone, Instant occurredAt) {}
