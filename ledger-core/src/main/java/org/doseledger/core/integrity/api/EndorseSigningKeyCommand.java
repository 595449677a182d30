package org.doseledger.core.integrity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the key {@code endorserKeyId} signed the endorsement of the key {@code keyId} (a no-op when that
 * endorsement is recorded already).
 */
public record EndorseSigningKeyCommand(String keyId, String publicKey, String endorserKeyId, String signature) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return IntegrityIds.AGGREGATE_ID;
    }
}
