package org.doseledger.api.apikey;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.apikey.ApiKeyResponses.IssuedApiKey;
import org.doseledger.api.security.ApiKeySecrets;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.IssueApiKeyCommand;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.practice.FindPracticeQuery;
import org.doseledger.projections.practice.PracticeView;
import org.springframework.stereotype.Component;

/** Generates a key, checks its practice exists and records its issue; the secret leaves only in the answer. */
@Component
public class ApiKeyIssuer {

    private final LedgerWriter writer;
    private final QueryGateway queries;

    ApiKeyIssuer(LedgerWriter writer, QueryGateway queries) {
        this.writer = writer;
        this.queries = queries;
    }

    /** Must run inside a transaction. */
    public IssuedApiKey issue(
            WriteContext context, Role role, PracticeId practiceId, String label, java.time.Instant expiresAt) {
        return issue(context, role, practiceId, label, expiresAt, ApiKeySecrets.generate());
    }

    /** Records the issue of a key made elsewhere (the initial admin key given in configuration). Must run inside a
     * transaction. */
    IssuedApiKey issue(
            WriteContext context,
            Role role,
            PracticeId practiceId,
            String label,
            java.time.Instant expiresAt,
            ApiKeySecrets.GeneratedKey key) {
        if (practiceId != null) {
            requirePractice(practiceId);
        }
        var events = writer.send(
                context,
                new IssueApiKeyCommand(
                        key.keyId(), role, practiceId, label, key.secretSha256(), expiresAt, context.recordedAt()));
        return new IssuedApiKey(
                key.keyId(),
                key.token(),
                role,
                practiceId == null ? null : practiceId.value(),
                label,
                expiresAt,
                WriteReceipt.of(key.keyId(), events));
    }

    /** Keys act only for practices the ledger knows: 404 PRACTICE_NOT_FOUND otherwise. */
    public void requirePractice(PracticeId practiceId) {
        if (queries.query(new FindPracticeQuery(practiceId), ResponseTypes.optionalInstanceOf(PracticeView.class))
                .join()
                .isEmpty()) {
            throw new UnknownRecordException("practice", practiceId.value());
        }
    }
}
