package org.doseledger.core.client.api;

/**
 * One item of a client's personal data (legal name, date of birth, address, phone) as the ledger
 * stores it: encrypted with AES-256-GCM under the client's data key. The plaintext never reaches the
 * event store; the hash chain covers this sealed form, so it stays verifiable after the key is
 * shredded and the item can no longer be read (docs/personal-data.md).
 *
 * @param keyId the client data key it was sealed with
 * @param nonce the 96-bit GCM nonce, Base64
 * @param ciphertext the ciphertext with its 128-bit tag, Base64; the associated data binds it to the
 *     practice, the client, the field and the key, so it cannot be moved to another client or field
 */
public record SealedPersonalData(String keyId, String nonce, String ciphertext) {}
