package org.doseledger.api.write;

/** The same Idempotency-Key came with a different request (answered with 422). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; use a new key for a new write");
    }
}
