package org.doseledger.api.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write exactly once per (credential, Idempotency-Key). The key is claimed with an insert in
 * the same transaction as the write's events: a concurrent retry waits on that row and then replays
 * the stored answer; a failed write rolls back its claim, so a retry runs again. The same key with a
 * different request is refused with 422. A write that runs inside a transaction already open (an item of
 * a batch) joins it and leaves retries on a concurrent change to whoever opened it.
 */
public class IdempotentWrites {

    private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int ATTEMPTS_ON_CONCURRENT_CHANGE = 8;

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;

    /** Stored in place of the plain SHA-256 fingerprints of records written before they were keyed. */
    static final String LEGACY = "legacy";

    private final byte[] fingerprintKey;

    /**
     * @param fingerprintKey the secret that keys request fingerprints (HMAC-SHA256): without it, a stored
     *     fingerprint tells nothing about the request, not even to someone who can guess most of it
     */
    public IdempotentWrites(
            TransactionTemplate transactions, JdbcTemplate jdbc, ObjectMapper mapper, byte[] fingerprintKey) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.canonical = mapper.copy();
        this.fingerprintKey = fingerprintKey.clone();
    }

    /**
     * @param endpoint method and path of the write, part of the request's fingerprint
     * @param request the parsed request body (or any value that identifies the request)
     */
    public ResponseEntity<Object> execute(
            WriteContext context, String endpoint, Object request, Supplier<WriteOutcome> write) {
        String fingerprint = fingerprint(endpoint, request);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // part of a larger write (a batch): a lost race has aborted the whole transaction, so only the
            // owner of that transaction can retry, from its start
            return transactions.execute(status -> runOnce(context, fingerprint, write));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> runOnce(context, fingerprint, write));
            } catch (ConcurrencyException e) {
                if (attempt >= ATTEMPTS_ON_CONCURRENT_CHANGE) {
                    throw e;
                }
                log.info("Write {} lost a race on its stream; retrying (attempt {})", endpoint, attempt + 1);
                pauseBeforeRetry(attempt);
            }
        }
    }

    /**
     * An administrative action (a replay, a verification, sealing a checkpoint...) that manages its own
     * transactions: the Idempotency-Key is claimed and committed first, the action runs, and its answer is
     * stored for retries; an action that fails releases the key, so that a retry runs it again. A retry
     * while the first call still runs is refused rather than starting the action twice.
     */
    public ResponseEntity<Object> executeAction(
            WriteContext context, String endpoint, Object request, Supplier<WriteOutcome> action) {
        String fingerprint = fingerprint(endpoint, request);
        String credential = context.credential().id();
        Integer claimed = transactions.execute(status -> jdbc.update(
                """
                insert into idempotency_record (credential_id, idempotency_key, request_fingerprint, created_at)
                values (?, ?, ?, ?) on conflict do nothing
                """, credential, context.idempotencyKey(), fingerprint, Timestamp.from(context.recordedAt())));
        if (claimed == null || claimed == 0) {
            return transactions.execute(status -> replay(credential, context.idempotencyKey(), fingerprint));
        }
        WriteOutcome outcome;
        try {
            outcome = action.get();
        } catch (RuntimeException | Error e) {
            transactions.executeWithoutResult(status -> jdbc.update(
                    "delete from idempotency_record where credential_id = ? and idempotency_key = ?",
                    credential,
                    context.idempotencyKey()));
            throw e;
        }
        transactions.executeWithoutResult(status -> jdbc.update(
                """
                update idempotency_record set response_status = ?, response_location = ?, response_body = ?::json
                where credential_id = ? and idempotency_key = ?
                """,
                outcome.status(),
                outcome.location() == null ? null : outcome.location().toString(),
                json(outcome.replayBody()),
                credential,
                context.idempotencyKey()));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status());
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        return response.body(outcome.body());
    }

    /** A short, jittered pause so that writers racing for one stream do not collide again at once. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }

    private ResponseEntity<Object> runOnce(WriteContext context, String fingerprint, Supplier<WriteOutcome> write) {
        String credential = context.credential().id();
        int claimed = jdbc.update(
                """
                insert into idempotency_record (credential_id, idempotency_key, request_fingerprint, created_at)
                values (?, ?, ?, ?) on conflict do nothing
                """, credential, context.idempotencyKey(), fingerprint, Timestamp.from(context.recordedAt()));
        if (claimed == 0) {
            return replay(credential, context.idempotencyKey(), fingerprint);
        }
        WriteOutcome outcome = write.get();
        jdbc.update(
                """
                update idempotency_record set response_status = ?, response_location = ?, response_body = ?::json
                where credential_id = ? and idempotency_key = ?
                """,
                outcome.status(),
                outcome.location() == null ? null : outcome.location().toString(),
                json(outcome.replayBody()),
                credential,
                context.idempotencyKey());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status());
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        return response.body(outcome.body());
    }

    private ResponseEntity<Object> replay(String credential, String key, String fingerprint) {
        List<StoredResponse> stored = jdbc.query(
                """
                select request_fingerprint, response_status, response_location, response_body
                from idempotency_record where credential_id = ? and idempotency_key = ?
                """,
                (rs, row) ->
                        new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), readTree(rs.getString(4))),
                credential,
                key);
        StoredResponse answer = stored.get(0);
        // a record written before fingerprints were keyed has lost its plain fingerprint: its key's first
        // answer is given back, as it was before for the same request
        if (!answer.fingerprint().equals(fingerprint) && !answer.fingerprint().equals(LEGACY)) {
            throw new IdempotencyKeyReusedException(key);
        }
        if (answer.status() == 0) {
            // claimed by an action still running (an administrative action commits its claim first)
            throw new ActionInProgressException(key);
        }
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(answer.status()).header(REPLAYED_HEADER, "true");
        if (answer.location() != null) {
            response.location(URI.create(answer.location()));
        }
        return response.body(answer.body());
    }

    /**
     * HMAC-SHA256 of the endpoint and the canonical request under a secret kept with the master key: a
     * request that holds personal data (a phone number, a name) cannot be recovered from its fingerprint
     * by trying candidates, as it could from a plain hash.
     */
    String fingerprint(String endpoint, Object request) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(fingerprintKey, "HmacSHA256"));
            byte[] digest = mac.doFinal((endpoint + "\n" + canonical.writeValueAsString(request))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be fingerprinted", e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored", e);
        }
    }

    private JsonNode readTree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response is not JSON", e);
        }
    }

    private record StoredResponse(String fingerprint, int status, String location, JsonNode body) {}
}
