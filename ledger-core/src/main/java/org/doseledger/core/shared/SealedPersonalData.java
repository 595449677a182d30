package org.doseledger.core.shared;

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
public record SealedPersonalData(String keyId, String nonce, String ciphertext) {

    /**
     * The key id of an item that was never sealed: a free-text field recorded before its event's revision
     * sealed it (docs/personal-data.md). Its {@code ciphertext} is the field's JSON in Base64, readable by
     * anyone, and shredding the client's key does not reach it.
     */
    public static final String NOT_SEALED = "not-sealed";

    /** A field recorded in plaintext before sealing existed, carried in the sealed shape. */
    public static SealedPersonalData notSealed(String json) {
        return new SealedPersonalData(
                NOT_SEALED,
                "",
                java.util.Base64.getEncoder().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Whether this item holds its value in plaintext ({@link #NOT_SEALED}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isNotSealed() {
        return NOT_SEALED.equals(keyId);
    }

    /** The JSON of an item that was never sealed. */
    public String plaintextJson() {
        if (!isNotSealed()) {
            throw new IllegalStateException("a sealed item has no plaintext");
        }
        return new String(java.util.Base64.getDecoder().decode(ciphertext), java.nio.charset.StandardCharsets.UTF_8);
    }
}
