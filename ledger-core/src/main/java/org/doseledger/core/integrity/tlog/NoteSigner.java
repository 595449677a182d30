package org.doseledger.core.integrity.tlog;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 private key with its key name and signature type: what a log signs its checkpoints with
 * ({@link SignatureType#ED25519}) or a witness its cosignatures ({@link SignatureType#COSIGNATURE_V1}).
 *
 * <p>Its text form is that of golang.org/x/mod/sumdb/note: {@code PRIVATE+KEY+<name>+<8 hex digits of the
 * key ID>+<base64(type || 32-byte Ed25519 seed)>}, where the key ID is that of the public key. It is a
 * secret: {@link #toString()} never shows it, only {@link #encoded()} does. Type 0x04 in that form is how
 * transparency-dev/formats writes cosigner keys; Go's own note package reads only type 0x01.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final VerifierKey verifierKey;
    private final byte[] seed;
    private final PrivateKey privateKey;

    private NoteSigner(VerifierKey verifierKey, byte[] seed) {
        this.verifierKey = verifierKey;
        this.seed = seed;
        this.privateKey = Ed25519.privateKey(seed);
    }

    /** The signer of the given 32-byte Ed25519 seed (the RFC 8032 private key). */
    public static NoteSigner fromSeed(String name, SignatureType type, byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException(
                    "an Ed25519 seed is " + Ed25519.KEY_SIZE + " bytes, this one " + seed.length);
        }
        byte[] copy = seed.clone();
        return new NoteSigner(new VerifierKey(name, type, Ed25519.publicKeyOf(copy)), copy);
    }

    /** A new random key. */
    public static NoteSigner generate(String name, SignatureType type) {
        byte[] seed = new byte[Ed25519.KEY_SIZE];
        new SecureRandom().nextBytes(seed);
        return fromSeed(name, type, seed);
    }

    /** The signer from its private key text; the declared key ID must be that of its public key. */
    public static NoteSigner parse(String skey) {
        Objects.requireNonNull(skey, "signer key");
        if (!skey.startsWith(PREFIX)) {
            throw new MalformedKeyException("a signer key starts with " + PREFIX);
        }
        String[] parts = skey.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new MalformedKeyException("a signer key is PRIVATE+KEY+<name>+<key id>+<key>");
        }
        String name = parts[0];
        if (!Encoding.isValidKeyName(name)) {
            throw new MalformedKeyException("invalid key name " + Encoding.quote(name));
        }
        int declaredId = VerifierKey.parseKeyId(parts[1]);
        byte[] typeAndSeed = Encoding.base64OrNull(parts[2]);
        if (typeAndSeed == null || typeAndSeed.length == 0) {
            throw new MalformedKeyException("the private key of " + name + " is not canonical base64");
        }
        SignatureType type = SignatureType.of(typeAndSeed[0])
                .orElseThrow(() -> new MalformedKeyException(String.format(
                        "signer key %s has signature type 0x%02x; supported are 0x01 and 0x04", name, typeAndSeed[0])));
        if (typeAndSeed.length != 1 + Ed25519.KEY_SIZE) {
            throw new MalformedKeyException("signer key " + name + " has " + (typeAndSeed.length - 1)
                    + " bytes of Ed25519 seed, not " + Ed25519.KEY_SIZE);
        }
        NoteSigner signer = fromSeed(name, type, Arrays.copyOfRange(typeAndSeed, 1, typeAndSeed.length));
        Arrays.fill(typeAndSeed, (byte) 0);
        if (signer.keyId() != declaredId) {
            throw new MalformedKeyException("signer key " + name + " declares key ID " + Encoding.hex(declaredId)
                    + " but its public key gives " + Encoding.hex(signer.keyId()));
        }
        return signer;
    }

    /** The private key text. A secret. */
    public String encoded() {
        byte[] typeAndSeed = new byte[1 + seed.length];
        typeAndSeed[0] = verifierKey.type().id();
        System.arraycopy(seed, 0, typeAndSeed, 1, seed.length);
        try {
            return PREFIX + verifierKey.name() + "+" + Encoding.hex(keyId()) + "+" + Encoding.base64(typeAndSeed);
        } finally {
            Arrays.fill(typeAndSeed, (byte) 0);
        }
    }

    /** The public half, to give to those who verify. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    public String name() {
        return verifierKey.name();
    }

    public SignatureType type() {
        return verifierKey.type();
    }

    public int keyId() {
        return verifierKey.keyId();
    }

    /** The raw Ed25519 signature of the message; callers in this package frame the message by type. */
    byte[] signRaw(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey.name() + "+" + Encoding.hex(keyId()) + ", " + verifierKey.type() + "]";
    }
}
