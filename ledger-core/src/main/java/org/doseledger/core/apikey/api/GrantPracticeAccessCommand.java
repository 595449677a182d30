package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** Let a REGULATOR key read and export one more practice's records. */
public record GrantPracticeAccessCommand(String keyId, PracticeId practiceId, String reason, Instant grantedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiKeyIds.aggregateId(keyId);
    }
}
