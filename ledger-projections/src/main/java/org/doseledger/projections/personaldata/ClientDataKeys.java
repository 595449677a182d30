package org.doseledger.projections.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.doseledger.core.client.api.ClientDataShreddedException;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each client's data key, kept wrapped by the master key in {@code client_data_key}; sealing and opening
 * the client's personal data with it. Keys are never cached beyond one transaction: a shredded key is
 * gone at once on every node. Within a write's transaction, which holds the key's row lock until it ends
 * (so no shredding can happen meanwhile), the key is read once, not once per sealed field.
 */
public class ClientDataKeys {

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;
    private final ObjectMapper json;
    private final Clock clock;

    public ClientDataKeys(JdbcTemplate jdbc, SecretKey masterKey, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.json = json;
        this.clock = clock;
    }

    /** The client's data key as stored; a shredded one has no key. */
    public record DataKey(String keyId, SecretKey key, Instant shreddedAt) {

        public boolean shredded() {
            return shreddedAt != null;
        }
    }

    /**
     * Seals one item of the client's personal data, creating the client's key on first use. Runs in the
     * write's transaction and holds the key row until it ends, so a concurrent shredding waits for it.
     */
    public SealedPersonalData seal(ClientRef client, String field, Object value) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("personal data is sealed inside the write's transaction");
        }
        DataKey key = lockedInThisTransaction()
                .computeIfAbsent(client, c -> lockedKey(c).orElseGet(() -> create(c)));
        if (key.shredded()) {
            throw new ClientDataShreddedException(client.clientId());
        }
        try {
            return PersonalDataCrypto.seal(key.key(), key.keyId(), client, field, json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("personal data cannot be written as JSON", e);
        }
    }

    /** The JSON of a sealed item, as it was before sealing. */
    public JsonNode open(DataKey key, ClientRef client, String field, SealedPersonalData sealed) {
        if (!key.keyId().equals(sealed.keyId())) {
            throw new UnreadablePersonalDataException(
                    field + " of " + client + " was sealed with key " + sealed.keyId() + ", not " + key.keyId(), null);
        }
        try {
            return json.readTree(PersonalDataCrypto.open(key.key(), client, field, sealed));
        } catch (IOException e) {
            throw new UnreadablePersonalDataException(field + " of " + client + " is not JSON", e);
        }
    }

    public Optional<DataKey> find(ClientRef client) {
        return query(client, "");
    }

    /**
     * Destroys the client's key: the wrapped key is overwritten with null and the row kept as a tombstone,
     * so a later seal is refused instead of silently creating a new key. Returns the shredded key's id.
     */
    public Optional<String> shred(ClientRef client) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            lockedInThisTransaction().remove(client);
        }
        Optional<DataKey> key = lockedKey(client);
        if (key.isEmpty() || key.get().shredded()) {
            return key.map(DataKey::keyId);
        }
        jdbc.update(
                "update client_data_key set wrapped_key = null, shredded_at = ? where practice_id = ? and client_id = ?",
                Timestamp.from(clock.instant()),
                client.practiceId().value(),
                client.clientId());
        return key.map(DataKey::keyId);
    }

    /**
     * The keys this transaction has locked, bound to it like its connection: hidden while a transaction
     * of its own runs inside it, and gone when it ends.
     */
    private Map<ClientRef, DataKey> lockedInThisTransaction() {
        @SuppressWarnings("unchecked")
        Map<ClientRef, DataKey> keys = (Map<ClientRef, DataKey>) TransactionSynchronizationManager.getResource(this);
        if (keys != null) {
            return keys;
        }
        Map<ClientRef, DataKey> locked = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, locked);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(ClientDataKeys.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(ClientDataKeys.this, locked);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ClientDataKeys.this);
            }
        });
        return locked;
    }

    Optional<DataKey> lockedKey(ClientRef client) {
        return query(client, " for update");
    }

    private DataKey create(ClientRef client) {
        String keyId = UUID.randomUUID().toString();
        SecretKey key = PersonalDataCrypto.newKey();
        jdbc.update(
                """
                insert into client_data_key (practice_id, client_id, key_id, wrapped_key, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """,
                client.practiceId().value(),
                client.clientId(),
                keyId,
                PersonalDataCrypto.wrap(masterKey, client, keyId, key),
                Timestamp.from(clock.instant()));
        // a concurrent first write may have created the key first: use whichever row won
        return lockedKey(client).orElseThrow(() -> new IllegalStateException("no data key for " + client));
    }

    private Optional<DataKey> query(ClientRef client, String lock) {
        List<DataKey> keys = jdbc.query(
                "select key_id, wrapped_key, shredded_at from client_data_key where practice_id = ? and client_id = ?"
                        + lock,
                (rs, row) -> {
                    String keyId = rs.getString("key_id");
                    Timestamp shreddedAt = rs.getTimestamp("shredded_at");
                    if (shreddedAt != null) {
                        return new DataKey(keyId, null, shreddedAt.toInstant());
                    }
                    return new DataKey(
                            keyId,
                            PersonalDataCrypto.unwrap(masterKey, client, keyId, rs.getBytes("wrapped_key")),
                            null);
                },
                client.practiceId().value(),
                client.clientId());
        return keys.stream().findFirst();
    }
}
