package org.doseledger.projections.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * AES-256-GCM for client personal data: sealing one item under a client's data key, and wrapping that
 * key under the master key. The associated data names the practice, the client, the key and (for an
 * item) the field, so a ciphertext copied to another client, field or key does not open.
 */
public final class PersonalDataCrypto {

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String ITEM_TAG = "DOSE-LEDGER-PERSONAL-DATA/1";
    private static final String KEY_TAG = "DOSE-LEDGER-CLIENT-DATA-KEY/1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCrypto() {}

    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    public static SecretKey key(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public static SealedPersonalData seal(
            SecretKey dataKey, String keyId, ClientRef client, String field, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, dataKey, nonce, itemData(client, field, keyId), plaintext);
        Base64.Encoder base64 = Base64.getEncoder();
        return new SealedPersonalData(keyId, base64.encodeToString(nonce), base64.encodeToString(ciphertext));
    }

    /** The plaintext of an item; {@link UnreadablePersonalDataException} when key, client or field do not match it. */
    public static byte[] open(SecretKey dataKey, ClientRef client, String field, SealedPersonalData sealed) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            return run(
                    Cipher.DECRYPT_MODE,
                    dataKey,
                    base64.decode(sealed.nonce()),
                    itemData(client, field, sealed.keyId()),
                    base64.decode(sealed.ciphertext()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadablePersonalDataException("sealed " + field + " of " + client + " is malformed", e);
        }
    }

    /** The data key encrypted under the master key: nonce, then ciphertext and tag. */
    public static byte[] wrap(SecretKey masterKey, ClientRef client, String keyId, SecretKey dataKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, masterKey, nonce, keyData(client, keyId), dataKey.getEncoded());
        byte[] wrapped = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, wrapped, NONCE_BYTES, ciphertext.length);
        return wrapped;
    }

    public static SecretKey unwrap(SecretKey masterKey, ClientRef client, String keyId, byte[] wrapped) {
        if (wrapped.length <= NONCE_BYTES) {
            throw new UnreadablePersonalDataException("the wrapped data key of " + client + " is truncated", null);
        }
        return key(run(
                Cipher.DECRYPT_MODE,
                masterKey,
                Arrays.copyOf(wrapped, NONCE_BYTES),
                keyData(client, keyId),
                Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length)));
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, byte[] associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new UnreadablePersonalDataException("AES-GCM failed: wrong key, or altered data", e);
        }
    }

    private static byte[] itemData(ClientRef client, String field, String keyId) {
        return associated(ITEM_TAG, client.practiceId().value(), client.clientId(), field, keyId);
    }

    private static byte[] keyData(ClientRef client, String keyId) {
        return associated(KEY_TAG, client.practiceId().value(), client.clientId(), keyId);
    }

    /** Each part on its own line: ids never hold a line break, so no two lists of parts read the same. */
    private static byte[] associated(String... parts) {
        return String.join("\n", parts).getBytes(StandardCharsets.UTF_8);
    }
}
