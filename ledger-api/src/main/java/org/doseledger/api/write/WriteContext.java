package org.doseledger.api.write;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.core.shared.LedgerMetadata;

/**
 * Everything a write carries besides its body: who sent it, the request id, the client's idempotency
 * key, the practitioner acting (when named) and the server time at which the ledger accepted it.
 */
public record WriteContext(
        ApiCredential credential, String requestId, String idempotencyKey, String practitionerId, Instant recordedAt) {

    public MetaData metaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(LedgerMetadata.CREDENTIAL_ID, credential.id());
        values.put(LedgerMetadata.RECORDED_AT, recordedAt.toString());
        if (requestId != null) {
            values.put(LedgerMetadata.REQUEST_ID, requestId);
        }
        if (idempotencyKey != null) {
            values.put(LedgerMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        }
        if (practitionerId != null) {
            values.put(LedgerMetadata.PRACTITIONER_ID, practitionerId);
        }
        return MetaData.from(values);
    }
}
