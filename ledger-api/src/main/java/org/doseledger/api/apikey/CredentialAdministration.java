package org.doseledger.api.apikey;

import java.net.URI;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.GrantPracticeAccessCommand;
import org.doseledger.core.apikey.api.RevokeApiKeyCommand;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.apikey.api.WithdrawPracticeAccessCommand;
import org.doseledger.core.shared.PracticeId;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * What an administrator does to an issued credential (an API key or a console account's key), as the API and
 * the console both record it: revoke it, grant a regulator's key one more practice, withdraw a grant. Each is a
 * ledger event with its reason, idempotent under the write's key.
 */
@Service
public class CredentialAdministration {

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final ApiKeyIssuer issuer;

    CredentialAdministration(IdempotentWrites writes, LedgerWriter writer, ApiKeyIssuer issuer) {
        this.writes = writes;
        this.writer = writer;
        this.issuer = issuer;
    }

    /**
     * Issues a credential: 201 with its secret, shown this once; a replay of the same key answers the same
     * receipt without the secret.
     */
    public ResponseEntity<Object> issue(
            WriteContext context, Role role, String practiceId, String label, java.time.Instant expiresAt) {
        return issue(context, new ApiKeyRequests.IssueApiKeyRequest(role, practiceId, label, expiresAt));
    }

    ResponseEntity<Object> issue(WriteContext context, ApiKeyRequests.IssueApiKeyRequest request) {
        return writes.execute(context, "POST /api/admin/api-keys", request, () -> {
            ApiKeyResponses.IssuedApiKey issued = issuer.issue(
                    context,
                    request.role(),
                    request.practiceId() == null ? null : PracticeId.of(request.practiceId()),
                    request.label(),
                    request.expiresAt());
            return new WriteOutcome(201, URI.create(path(issued.keyId())), issued, issued.withoutSecret());
        });
    }

    public ResponseEntity<Object> revoke(WriteContext context, String keyId, String reason) {
        return revoke(context, keyId, new ApiKeyRequests.RevokeApiKeyRequest(reason));
    }

    ResponseEntity<Object> revoke(WriteContext context, String keyId, ApiKeyRequests.RevokeApiKeyRequest request) {
        String path = path(keyId);
        return writes.execute(
                context,
                "POST " + path + "/revocation",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                keyId,
                                writer.send(
                                        context,
                                        new RevokeApiKeyCommand(keyId, context.recordedAt(), request.reason())))));
    }

    public ResponseEntity<Object> grant(WriteContext context, String keyId, String practiceId, String reason) {
        return grant(context, keyId, new ApiKeyRequests.GrantPracticeRequest(practiceId, reason));
    }

    ResponseEntity<Object> grant(WriteContext context, String keyId, ApiKeyRequests.GrantPracticeRequest request) {
        String path = path(keyId);
        PracticeId practice = PracticeId.of(request.practiceId());
        return writes.execute(context, "POST " + path + "/practice-grants", request, () -> {
            issuer.requirePractice(practice);
            return WriteOutcome.created(
                    URI.create(path),
                    WriteReceipt.of(
                            keyId,
                            writer.send(
                                    context,
                                    new GrantPracticeAccessCommand(
                                            keyId, practice, request.reason(), context.recordedAt()))));
        });
    }

    public ResponseEntity<Object> withdraw(WriteContext context, String keyId, String practiceId, String reason) {
        return withdraw(context, keyId, practiceId, new ApiKeyRequests.WithdrawPracticeRequest(reason));
    }

    ResponseEntity<Object> withdraw(
            WriteContext context, String keyId, String practiceId, ApiKeyRequests.WithdrawPracticeRequest request) {
        String path = path(keyId);
        return writes.execute(
                context,
                "POST " + path + "/practice-grants/" + practiceId + "/withdrawal",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                keyId,
                                writer.send(
                                        context,
                                        new WithdrawPracticeAccessCommand(
                                                keyId,
                                                PracticeId.of(practiceId),
                                                request.reason(),
                                                context.recordedAt())))));
    }

    private static String path(String keyId) {
        return "/api/admin/api-keys/" + keyId;
    }
}
