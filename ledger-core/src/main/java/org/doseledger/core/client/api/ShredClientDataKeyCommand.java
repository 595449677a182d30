package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;

/**
 * Record that a client's data key is destroyed, once the records that name the client are past their
 * retention period (checked by the caller, which holds the key store and the retention settings).
 */
public record ShredClientDataKeyCommand(
        @TargetAggregateIdentifier ClientRef client,
        String keyId,
        String reason,
        Instant lastActivityAt,
        Instant occurredAt) {}
