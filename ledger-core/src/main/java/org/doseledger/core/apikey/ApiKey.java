package org.doseledger.core.apikey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.apikey.api.ApiKeyAlreadyRevokedException;
import org.doseledger.core.apikey.api.ApiKeyIds;
import org.doseledger.core.apikey.api.ApiKeyIssuedEvent;
import org.doseledger.core.apikey.api.ApiKeyRevokedEvent;
import org.doseledger.core.apikey.api.ApiKeyScopeException;
import org.doseledger.core.apikey.api.GrantPracticeAccessCommand;
import org.doseledger.core.apikey.api.IssueApiKeyCommand;
import org.doseledger.core.apikey.api.PracticeAccessGrantedEvent;
import org.doseledger.core.apikey.api.PracticeAccessWithdrawnEvent;
import org.doseledger.core.apikey.api.PracticeGrantException;
import org.doseledger.core.apikey.api.RevokeApiKeyCommand;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.apikey.api.WithdrawPracticeAccessCommand;
import org.doseledger.core.shared.PracticeId;

/**
 * An API credential. Issuing and revoking keys, and granting a regulator's key access to a practice,
 * are ledger facts, so who could act for which practice when is on the record.
 */
public class ApiKey {

    @AggregateIdentifier
    private String id;

    private String keyId;
    private Role role;
    private final Set<PracticeId> grantedPractices = new HashSet<>();
    private Instant revokedAt;

    protected ApiKey() {}

    @CommandHandler
    public ApiKey(IssueApiKeyCommand command) {
        if (!command.role().acceptsIssuingPractice(command.practiceId())) {
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

    @CommandHandler
    void handle(GrantPracticeAccessCommand command) {
        requireUsableRegulatorKey();
        if (grantedPractices.contains(command.practiceId())) {
            throw PracticeGrantException.alreadyGranted(keyId, command.practiceId());
        }
        apply(new PracticeAccessGrantedEvent(keyId, command.practiceId(), command.reason(), command.grantedAt()));
    }

    @CommandHandler
    void handle(WithdrawPracticeAccessCommand command) {
        requireUsableRegulatorKey();
        if (!grantedPractices.contains(command.practiceId())) {
            throw PracticeGrantException.notGranted(keyId, command.practiceId());
        }
        apply(new PracticeAccessWithdrawnEvent(keyId, command.practiceId(), command.reason(), command.withdrawnAt()));
    }

    private void requireUsableRegulatorKey() {
        if (role != Role.REGULATOR) {
            throw PracticeGrantException.notARegulator(keyId, role);
        }
        if (revokedAt != null) {
            throw new ApiKeyAlreadyRevokedException(keyId, revokedAt);
        }
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        keyId = event.keyId();
        id = ApiKeyIds.aggregateId(keyId);
        role = event.role();
        if (event.practiceId() != null) {
            grantedPractices.add(event.practiceId());
        }
    }

    @EventSourcingHandler
    void on(PracticeAccessGrantedEvent event) {
        grantedPractices.add(event.practiceId());
    }

    @EventSourcingHandler
    void on(PracticeAccessWithdrawnEvent event) {
        grantedPractices.remove(event.practiceId());
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        revokedAt = event.revokedAt();
    }
}
