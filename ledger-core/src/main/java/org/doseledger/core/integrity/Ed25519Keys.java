package org.doseledger.core.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 public keys as the ledger names and publishes them: their id, fingerprint, raw 32 bytes and PEM text.
 * The service that signs and the offline verifier that checks use the same functions.
 */
public final class Ed25519Keys {

    public static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {}

    /** The 32-byte public key, the last bytes of its X.509 encoding. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** The first 16 hex digits of the SHA-256 of the key's X.509 encoding. */
    public static String keyId(PublicKey key) {
        return fingerprint(key).substring(0, 16);
    }

    /** The SHA-256 of the key's X.509 encoding, in hex. */
    public static String fingerprint(PublicKey key) {
        return HexFormat.of().formatHex(EventHashes.sha256(key.getEncoded()));
    }

    /** A public key from its X.509 encoding. */
    public static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }

    /** PEM text of DER bytes under the given type, e.g. {@code PUBLIC KEY}. */
    public static String pemOf(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The DER bytes of PEM text. */
    public static byte[] pem(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
