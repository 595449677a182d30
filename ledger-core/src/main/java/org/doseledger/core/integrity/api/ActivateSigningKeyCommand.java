package org.doseledger.core.integrity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The service signs checkpoints with this key from now on (a no-op when it already does). */
public record ActivateSigningKeyCommand(String keyId, String algorithm, String publicKey) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return IntegrityIds.AGGREGATE_ID;
    }
}
