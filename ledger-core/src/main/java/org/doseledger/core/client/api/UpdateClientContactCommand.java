package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;

/** Record the phone number at which the practice reaches a client, sealed with the client's data key. */
public record UpdateClientContactCommand(
        @TargetAggregateIdentifier ClientRef client, SealedPersonalData phone, Instant occurredAt) {}
