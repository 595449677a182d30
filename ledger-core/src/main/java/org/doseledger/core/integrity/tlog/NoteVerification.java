package org.doseledger.core.integrity.tlog;

import java.util.List;
import java.util.Objects;

/**
 * What verifying a signed note found: its text (now trustworthy), the known keys whose signatures
 * verified, in the order of their lines, and the signature lines of unknown keys, which were ignored.
 */
public record NoteVerification(String text, List<Verified> verified, List<NoteSignature> unknown) {

    /** A signature line and the known key it verified under. */
    public record Verified(VerifierKey key, NoteSignature signature) {

        public Verified {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(signature, "signature");
        }
    }

    public NoteVerification {
        Objects.requireNonNull(text, "text");
        verified = List.copyOf(verified);
        unknown = List.copyOf(unknown);
    }

    /** The known keys that signed the note. */
    public List<VerifierKey> verifiedKeys() {
        return verified.stream().map(Verified::key).toList();
    }

    public boolean isVerifiedBy(VerifierKey key) {
        return verified.stream().anyMatch(v -> v.key().equals(key));
    }

    /** The verified signatures of cosignature/v1 keys, as cosignatures (with their times). */
    public List<Cosignature> cosignatures() {
        return verified.stream()
                .filter(v -> v.key().type() == SignatureType.COSIGNATURE_V1)
                .map(v -> Cosignature.fromNoteSignature(v.signature()))
                .toList();
    }
}
