package org.doseledger.core.access.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;

/**
 * Record that a credential read or exported client data. {@code practiceId} is null for a ledger-wide
 * export, {@code clientId} when the read covered many clients; {@code parameters} hold only ids, dates
 * and paging, never personal data; {@code purpose} is null when the caller declared none.
 */
public record RecordClientDataAccessCommand(
        String accessId,
        PracticeId practiceId,
        String credentialId,
        Role role,
        String clientId,
        AccessKind kind,
        String endpoint,
        Map<String, String> parameters,
        PurposeOfUse purpose,
        Instant accessedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccessIds.accessAggregateId(accessId);
    }
}
