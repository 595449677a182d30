package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * Record that a client moved: dispensing records from {@code occurredAt} on carry the new address
 * (sealed with the client's data key).
 */
public record ChangeClientAddressCommand(
        @TargetAggregateIdentifier ClientRef client, SealedPersonalData address, Instant occurredAt) {}
