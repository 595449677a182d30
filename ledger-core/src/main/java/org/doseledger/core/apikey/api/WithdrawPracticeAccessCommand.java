package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** End a REGULATOR key's access to one practice; its other grants stay. */
public record WithdrawPracticeAccessCommand(String keyId, PracticeId practiceId, String reason, Instant withdrawnAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiKeyIds.aggregateId(keyId);
    }
}
