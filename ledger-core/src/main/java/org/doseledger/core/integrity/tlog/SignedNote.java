package org.doseledger.core.integrity.tlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A signed note (c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, and one or more
 * signature lines. The text may itself hold blank lines; the last blank line of a note separates it from
 * the signatures. Notes hold no ASCII control character other than newline.
 *
 * <p>Each signature is over the text including its final newline, by the key named in its line. A
 * verifier knows keys by name and key ID: it ignores signatures by unknown keys, rejects the note if a
 * known key's signature fails (the specification says SHOULD, golang.org/x/mod/sumdb/note does so), and
 * rejects it if no known key signed it. Like the Go reference implementation, a note with more than
 * {@value #MAX_SIGNATURES} signature lines is refused as malformed (the specification requires accepting
 * at least 16), the first line of a known key decides for that key and repeats are ignored.
 *
 * <p>Parsing keeps every line as written, so {@link #format()} gives back the bytes parsed. Base64 must be
 * canonical (padded, unused bits zero), which Go does not require: a note from an encoder that writes
 * otherwise would be refused.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** The most signature lines a note may have. */
    public static final int MAX_SIGNATURES = 100;

    public SignedNote {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(signatures, "signatures");
        requireNoteText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException(
                    "a signed note has at most " + MAX_SIGNATURES + " signatures, not " + signatures.size());
        }
    }

    /** The text signed by each of the signers, which must be Ed25519 note keys (type 0x01). */
    public static SignedNote sign(String text, List<NoteSigner> signers) {
        Objects.requireNonNull(text, "text");
        requireNoteText(text);
        return new SignedNote(text, signaturesOf(text, signers));
    }

    /**
     * This note with the signers' signatures added after the existing ones; an existing signature by the
     * same key name and ID is replaced, as golang.org/x/mod/sumdb/note's Sign does.
     */
    public SignedNote signedBy(List<NoteSigner> signers) {
        return withSignatures(signaturesOf(text, signers));
    }

    /**
     * This note with more signature lines (for example a witness's cosignatures) after the existing ones;
     * an existing line with the same key name and ID as a new one is dropped.
     */
    public SignedNote withSignatures(List<NoteSignature> added) {
        Objects.requireNonNull(added, "signatures");
        Set<String> replaced = new HashSet<>();
        added.forEach(s -> replaced.add(s.keyName() + "+" + s.keyId()));
        List<NoteSignature> all = new ArrayList<>();
        signatures.stream()
                .filter(s -> !replaced.contains(s.keyName() + "+" + s.keyId()))
                .forEach(all::add);
        all.addAll(added);
        return new SignedNote(text, all);
    }

    /** Parses a note, strictly: see the class comment. Verifies nothing. */
    public static SignedNote parse(byte[] note) {
        Objects.requireNonNull(note, "note");
        String decoded = Encoding.utf8OrNull(note);
        if (decoded == null) {
            throw new MalformedNoteException("not valid UTF-8");
        }
        return parse(decoded);
    }

    /** Parses a note, strictly: see the class comment. Verifies nothing. */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        String problem = Encoding.noteTextProblem(note);
        if (problem != null) {
            throw new MalformedNoteException("the note holds a " + problem);
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException("no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String lines = note.substring(split + 2);
        if (lines.isEmpty()) {
            throw new MalformedNoteException("no signature after the blank line");
        }
        return new SignedNote(text, NoteSignature.parseLines(lines));
    }

    /** The note: text, blank line, signature lines. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    /** {@link #format()} in UTF-8. */
    public byte[] toBytes() {
        return Encoding.utf8(format());
    }

    /**
     * Verifies the note against the known keys (see the class comment) and reports which of them signed
     * it.
     *
     * @throws NoteVerificationException if a known key's signature does not verify, or none verifies
     * @throws IllegalArgumentException if two different known keys share a key name and key ID
     */
    public NoteVerification verify(Collection<VerifierKey> known) {
        Objects.requireNonNull(known, "known keys");
        Map<String, VerifierKey> byNameAndId = new HashMap<>();
        for (VerifierKey key : known) {
            String id = key.name() + "+" + Encoding.hex(key.keyId());
            VerifierKey previous = byNameAndId.putIfAbsent(id, key);
            if (previous != null && !previous.equals(key)) {
                throw new IllegalArgumentException("two known keys are both " + id);
            }
        }
        List<NoteVerification.Verified> verified = new ArrayList<>();
        Set<NoteSignature> unknown = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (NoteSignature signature : signatures) {
            String id = signature.keyName() + "+" + Encoding.hex(signature.keyId());
            VerifierKey key = byNameAndId.get(id);
            if (key == null) {
                unknown.add(signature);
            } else if (seen.add(id)) {
                if (!key.verifies(text, signature.signature())) {
                    throw new NoteVerificationException("the signature of known key " + id + " does not verify");
                }
                verified.add(new NoteVerification.Verified(key, signature));
            }
        }
        if (verified.isEmpty()) {
            throw new NoteVerificationException("no signature by a known key; signed by "
                    + signatures.stream()
                            .map(s -> s.keyName() + "+" + Encoding.hex(s.keyId()))
                            .toList()
                    + ", known are " + byNameAndId.keySet().stream().sorted().toList());
        }
        return new NoteVerification(text, verified, List.copyOf(unknown));
    }

    private static List<NoteSignature> signaturesOf(String text, List<NoteSigner> signers) {
        Objects.requireNonNull(signers, "signers");
        byte[] message = Encoding.utf8(text);
        List<NoteSignature> added = new ArrayList<>();
        for (NoteSigner signer : signers) {
            if (signer.type() != SignatureType.ED25519) {
                throw new IllegalArgumentException(
                        signer + " is a " + signer.type() + " key; sign checkpoints with it through Cosignature.sign");
            }
            added.add(new NoteSignature(signer.name(), signer.keyId(), signer.signRaw(message)));
        }
        return added;
    }

    private static void requireNoteText(String text) {
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            throw new MalformedNoteException("the text must end with a newline: " + Encoding.quote(text));
        }
        String problem = Encoding.noteTextProblem(text);
        if (problem != null) {
            throw new MalformedNoteException("the text holds a " + problem);
        }
    }
}
