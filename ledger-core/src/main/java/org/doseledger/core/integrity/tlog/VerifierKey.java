package org.doseledger.core.integrity.tlog;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public key that verifies note signatures, with its key name and signature type: what a client is
 * configured with for a log or a witness. Its key ID is the first four bytes, big-endian, of
 * SHA-256(key name || 0x0A || signature type || 32-byte Ed25519 public key) (c2sp.org/signed-note, and
 * c2sp.org/tlog-cosignature for type 0x04).
 *
 * <p>Its text form, the vkey, is {@code <name>+<8 hex digits of the key ID>+<base64(type || public
 * key)>}, as golang.org/x/mod/sumdb/note writes and reads it, e.g. {@code
 * PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}. Parsing accepts upper- or
 * lower-case hex (as Go does) and writes lower case; the declared key ID must be the computed one.
 *
 * <p>Open point: the vkey format is taken from the Go reference implementation; the copies of
 * c2sp.org/signed-note consulted have no vkey section. The specification's example key {@code
 * example.com/foo+530d903a+...}, as other implementations quote it, parses and verifies the specification's
 * example note.
 */
public record VerifierKey(String name, SignatureType type, byte[] publicKey) {

    public VerifierKey {
        Objects.requireNonNull(type, "signature type");
        Objects.requireNonNull(publicKey, "public key");
        if (!Encoding.isValidKeyName(name)) {
            throw new IllegalArgumentException(
                    "a key name must be non-empty, without spaces or '+': " + Encoding.quote(name));
        }
        if (publicKey.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException(
                    "an Ed25519 public key is " + Ed25519.KEY_SIZE + " bytes, this one " + publicKey.length);
        }
        publicKey = publicKey.clone();
    }

    /** The key from its vkey text. */
    public static VerifierKey parse(String vkey) {
        Objects.requireNonNull(vkey, "vkey");
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new MalformedKeyException("a vkey is <name>+<key id>+<key>: " + Encoding.quote(vkey));
        }
        String name = parts[0];
        if (!Encoding.isValidKeyName(name)) {
            throw new MalformedKeyException("invalid key name " + Encoding.quote(name));
        }
        int declaredId = parseKeyId(parts[1]);
        byte[] typeAndKey = Encoding.base64OrNull(parts[2]);
        if (typeAndKey == null || typeAndKey.length == 0) {
            throw new MalformedKeyException(
                    "the key of " + name + " is not canonical base64: " + Encoding.quote(parts[2]));
        }
        SignatureType type = SignatureType.of(typeAndKey[0])
                .orElseThrow(() -> new MalformedKeyException(String.format(
                        "key %s has signature type 0x%02x; supported are 0x01 (Ed25519) and 0x04 (cosignature/v1)",
                        name, typeAndKey[0])));
        if (typeAndKey.length != 1 + Ed25519.KEY_SIZE) {
            throw new MalformedKeyException("key " + name + " has " + (typeAndKey.length - 1)
                    + " bytes of Ed25519 public key, not " + Ed25519.KEY_SIZE);
        }
        VerifierKey key = new VerifierKey(name, type, Arrays.copyOfRange(typeAndKey, 1, typeAndKey.length));
        if (key.keyId() != declaredId) {
            throw new MalformedKeyException("key " + name + " declares key ID " + Encoding.hex(declaredId)
                    + " but its name, type and key give " + Encoding.hex(key.keyId()));
        }
        return key;
    }

    /** SHA-256(name || 0x0A || type || public key)[:4], big-endian. */
    public int keyId() {
        return keyId(name, type, publicKey);
    }

    static int keyId(String name, SignatureType type, byte[] publicKey) {
        MessageDigest digest = Encoding.sha256();
        digest.update(Encoding.utf8(name));
        digest.update((byte) '\n');
        digest.update(type.id());
        digest.update(publicKey);
        byte[] hash = digest.digest();
        return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
    }

    /** Exactly 8 hex digits, either case. */
    static int parseKeyId(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw new MalformedKeyException("a key ID is 8 hex digits: " + Encoding.quote(hex));
        }
        return Integer.parseUnsignedInt(hex, 16);
    }

    /** The vkey text. */
    public String encoded() {
        byte[] typeAndKey = new byte[1 + publicKey.length];
        typeAndKey[0] = type.id();
        System.arraycopy(publicKey, 0, typeAndKey, 1, publicKey.length);
        return name + "+" + Encoding.hex(keyId()) + "+" + Encoding.base64(typeAndKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Whether {@code signature} (a signature line's bytes after the key ID) is this key's signature of the
     * note text. For {@link SignatureType#ED25519} it is an Ed25519 signature of the text; for {@link
     * SignatureType#COSIGNATURE_V1} it is an 8-byte big-endian timestamp followed by an Ed25519 signature
     * of {@link Cosignature#signedMessage}.
     */
    public boolean verifies(String noteText, byte[] signature) {
        Objects.requireNonNull(noteText, "note text");
        Objects.requireNonNull(signature, "signature");
        return switch (type) {
            case ED25519 -> Ed25519.verify(publicKey, Encoding.utf8(noteText), signature);
            case COSIGNATURE_V1 -> {
                if (signature.length != Cosignature.SIGNATURE_SIZE) {
                    yield false;
                }
                long timestamp = ByteBuffer.wrap(signature, 0, 8).getLong();
                yield timestamp >= 0
                        && Ed25519.verify(
                                publicKey,
                                Cosignature.signedMessage(timestamp, noteText),
                                Arrays.copyOfRange(signature, 8, signature.length));
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that
                && name.equals(that.name)
                && type == that.type
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return encoded();
    }
}
