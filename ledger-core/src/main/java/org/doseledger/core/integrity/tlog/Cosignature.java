package org.doseledger.core.integrity.tlog;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A witness's Ed25519 cosignature on a checkpoint, cosignature/v1 of c2sp.org/tlog-cosignature: the
 * statement that, at {@code timestamp} (seconds since the epoch), the largest tree the witness had seen
 * consistently for the checkpoint's origin had this root.
 *
 * <p>It is a note signature line of a key of type 0x04, so its key ID is SHA-256(name || 0x0A || 0x04 ||
 * public key)[:4], and its bytes after the key ID are the 8-byte big-endian timestamp and the 64-byte
 * Ed25519 signature of {@link #signedMessage}: the line {@code cosignature/v1}, the line {@code time
 * <timestamp>} (decimal, no leading zeros) and the whole checkpoint body, extension lines included.
 *
 * <p>The Ed25519 message does not name the witness, so a witness operator must use a different key for
 * each cosigner name. The ML-DSA-44 cosignature type (0x06, "subtree/v1") of the same specification is not
 * implemented.
 */
public record Cosignature(String cosignerName, int keyId, long timestamp, byte[] signature) {

    /** Bytes after the key ID in the signature line: timestamp (8) and Ed25519 signature (64). */
    static final int SIGNATURE_SIZE = 8 + Ed25519.SIGNATURE_SIZE;

    private static final String HEADER = "cosignature/v1\n";

    public Cosignature {
        Objects.requireNonNull(signature, "signature");
        if (!Encoding.isValidKeyName(cosignerName)) {
            throw new IllegalArgumentException(
                    "a cosigner name must be non-empty, without spaces or '+': " + Encoding.quote(cosignerName));
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature timestamp is at most 2^63 - 1 seconds: " + timestamp);
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            throw new IllegalArgumentException(
                    "an Ed25519 signature is " + Ed25519.SIGNATURE_SIZE + " bytes, this one " + signature.length);
        }
        signature = signature.clone();
    }

    /** "cosignature/v1\ntime &lt;timestamp&gt;\n" followed by the checkpoint body, in UTF-8. */
    public static byte[] signedMessage(long timestamp, String checkpointBody) {
        Objects.requireNonNull(checkpointBody, "checkpoint body");
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature timestamp is at most 2^63 - 1 seconds: " + timestamp);
        }
        return Encoding.utf8(HEADER + "time " + timestamp + "\n" + checkpointBody);
    }

    /** The witness's cosignature of the checkpoint at the given time; the key must be of type 0x04. */
    public static Cosignature sign(Checkpoint checkpoint, NoteSigner witness, long timestamp) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(witness, "witness key");
        if (witness.type() != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException(witness + " is not a cosignature/v1 key (type 0x04)");
        }
        byte[] signature = witness.signRaw(signedMessage(timestamp, checkpoint.body()));
        return new Cosignature(witness.name(), witness.keyId(), timestamp, signature);
    }

    /**
     * The cosignature in a note signature line.
     *
     * @throws MalformedNoteException if the line's bytes are not a timestamp and an Ed25519 signature
     */
    public static Cosignature fromNoteSignature(NoteSignature line) {
        Objects.requireNonNull(line, "signature line");
        byte[] bytes = line.signature();
        if (bytes.length != SIGNATURE_SIZE) {
            throw new MalformedNoteException("a cosignature/v1 by " + line.keyName() + " has " + SIGNATURE_SIZE
                    + " bytes after the key ID, this one " + bytes.length);
        }
        long timestamp = ByteBuffer.wrap(bytes, 0, 8).getLong();
        if (timestamp < 0) {
            throw new MalformedNoteException(
                    "the cosignature of " + line.keyName() + " has a timestamp above 2^63 - 1");
        }
        return new Cosignature(line.keyName(), line.keyId(), timestamp, Arrays.copyOfRange(bytes, 8, bytes.length));
    }

    /** The note signature line to add to the checkpoint's note. */
    public NoteSignature toNoteSignature() {
        return new NoteSignature(
                cosignerName,
                keyId,
                ByteBuffer.allocate(SIGNATURE_SIZE)
                        .putLong(timestamp)
                        .put(signature)
                        .array());
    }

    /** Whether this is the witness key's valid cosignature of the checkpoint. */
    public boolean verifies(Checkpoint checkpoint, VerifierKey witnessKey) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(witnessKey, "witness key");
        return witnessKey.type() == SignatureType.COSIGNATURE_V1
                && toNoteSignature().claims(witnessKey)
                && Ed25519.verify(witnessKey.publicKey(), signedMessage(timestamp, checkpoint.body()), signature);
    }

    /**
     * The timestamp as an instant.
     *
     * @throws java.time.DateTimeException for a timestamp past {@link Instant#MAX}, which the format allows
     */
    public Instant time() {
        return Instant.ofEpochSecond(timestamp);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cosignature that
                && cosignerName.equals(that.cosignerName)
                && keyId == that.keyId
                && timestamp == that.timestamp
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cosignerName, keyId, timestamp, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Cosignature[" + cosignerName + "+" + Encoding.hex(keyId) + " at " + timestamp + "]";
    }
}
