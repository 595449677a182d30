package org.doseledger.core.apikey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.apikey.api.ApiKeyAlreadyRevokedException;
import org.doseledger.core.apikey.api.ApiKeyIds;
import org.doseledger.core.apikey.api.ApiKeyIssuedEvent;
import org.doseledger.core.apikey.api.ApiKeyRevokedEvent;
import org.doseledger.core.apikey.api.ApiKeyScopeException;
import org.doseledger.core.apikey.api.IssueApiKeyCommand;
import org.doseledger.core.apikey.api.RevokeApiKeyCommand;

/** An API credential. Issuing and revoking keys are ledger facts, so who could act when is on the record. */
public class ApiKey {

    @AggregateIdentifier
    private String id;

    private String keyId;
    private Instant revokedAt;

    protected ApiKey() {}

    @CommandHandler
    public ApiKey(IssueApiKeyCommand command) {
        if (command.role().isPracticeScoped() != (command.practiceId() != null)) {
            throw new ApiKeyScopeException(command.role(), command.practiceId());
        }
        apply(new ApiKeyIssuedEvent(
                command.keyId(),
                command.role(),
                command.practiceId(),
                command.label(),
                command.secretSha256(),
                command.expiresAt(),
                command.issuedAt()));
    }

    @CommandHandler
    void handle(RevokeApiKeyCommand command) {
        if (revokedAt != null) {
            throw new ApiKeyAlreadyRevokedException(keyId, revokedAt);
        }
        apply(new ApiKeyRevokedEvent(keyId, command.revokedAt(), command.reason()));
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        keyId = event.keyId();
        id = ApiKeyIds.aggregateId(keyId);
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        revokedAt = event.revokedAt();
    }
}
