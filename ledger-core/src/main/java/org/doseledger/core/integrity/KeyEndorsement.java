package org.doseledger.core.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doseledger.core.integrity.api.SigningKeyEndorsedEvent;

/**
 * A signing key vouched for by the key before it: the endorsing key's Ed25519 signature over a fixed text that names
 * both keys and carries the new public key. From the keys a verifier pins, it follows endorsements to every later key;
 * a key nobody trusted endorsed (one merely written into a key directory or the database) stays untrusted.
 *
 * <p>The signed text is US-ASCII, four lines each ending in one line feed (0x0A), nothing before or after:
 *
 * <pre>
 * dose-ledger-key-endorsement/1
 * endorser &lt;endorser key id&gt;
 * key &lt;key id&gt;
 * public-key &lt;Base64 (RFC 4648 section 4, with padding) of the new key's X.509 SubjectPublicKeyInfo&gt;
 * </pre>
 *
 * A key id is the first 16 lower-case hexadecimal digits of the SHA-256 of the key's X.509 encoding.
 *
 * @param keyId the endorsed key's id
 * @param publicKey the endorsed key, X.509 encoded
 * @param endorserKeyId the endorsing key's id
 * @param signature Ed25519 signature (64 bytes) of the endorsing key over {@link #signedText}
 */
public record KeyEndorsement(String keyId, byte[] publicKey, String endorserKeyId, byte[] signature) {

    public static final String TAG = "dose-ledger-key-endorsement/1";

    /** The exact bytes an endorsing key signs. */
    public static byte[] signedText(String endorserKeyId, String keyId, byte[] publicKey) {
        return (TAG + "\n"
                        + "endorser " + endorserKeyId + "\n"
                        + "key " + keyId + "\n"
                        + "public-key " + Base64.getEncoder().encodeToString(publicKey) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The first 16 hex digits of the SHA-256 of an X.509-encoded public key. */
    public static String keyId(byte[] x509) {
        return HexFormat.of().formatHex(EventHashes.sha256(x509)).substring(0, 16);
    }

    /** From an event's fields: the public key and the signature in Base64; null when they are not readable. */
    public static KeyEndorsement of(String keyId, String publicKey, String endorserKeyId, String signature) {
        try {
            return new KeyEndorsement(
                    keyId,
                    Base64.getDecoder().decode(publicKey),
                    endorserKeyId,
                    Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | NullPointerException unreadable) {
            return null;
        }
    }

    /**
     * Whether {@code endorser} signed this endorsement, and the key id it names is the id of the key it carries.
     */
    public boolean isSignedBy(PublicKey endorser) {
        if (!keyId(publicKey).equals(keyId) || !keyId(endorser.getEncoded()).equals(endorserKeyId)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(endorser);
            verifier.update(signedText(endorserKeyId, keyId, publicKey));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The pinned keys and every key reached from them through valid endorsements, in any order and any number of
     * rotations; endorsements by keys not reached, and ones that do not verify, add nothing.
     */
    public static Map<String, PublicKey> follow(
            Map<String, PublicKey> pinned, Collection<KeyEndorsement> endorsements) {
        Map<String, PublicKey> trusted = new LinkedHashMap<>(pinned);
        List<KeyEndorsement> pending = new ArrayList<>(endorsements);
        boolean added = true;
        while (added) {
            added = false;
            for (var iterator = pending.iterator(); iterator.hasNext(); ) {
                KeyEndorsement endorsement = iterator.next();
                if (endorsement == null) {
                    iterator.remove();
                    continue;
                }
                PublicKey endorser = trusted.get(endorsement.endorserKeyId());
                if (endorser == null) {
                    continue;
                }
                iterator.remove();
                if (!trusted.containsKey(endorsement.keyId()) && endorsement.isSignedBy(endorser)) {
                    try {
                        trusted.put(
                                endorsement.keyId(),
                                KeyFactory.getInstance("Ed25519")
                                        .generatePublic(new X509EncodedKeySpec(endorsement.publicKey())));
                        added = true;
                    } catch (GeneralSecurityException notAnEd25519Key) {
                        // signed, but not a key anyone can verify with: it endorses nothing
                    }
                }
            }
        }
        return trusted;
    }

    /** The stored type name of the events that carry endorsements. */
    public static final String EVENT_TYPE = SigningKeyEndorsedEvent.class.getName();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An endorsement from a {@code SigningKeyEndorsed} event's stored JSON; null when it is not one. */
    public static KeyEndorsement fromEventPayload(byte[] payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode event = JSON.readTree(payload);
            return of(
                    event.path("keyId").asText(null),
                    event.path("publicKey").asText(null),
                    event.path("endorserKeyId").asText(null),
                    event.path("signature").asText(null));
        } catch (IOException unreadable) {
            return null;
        }
    }
}
