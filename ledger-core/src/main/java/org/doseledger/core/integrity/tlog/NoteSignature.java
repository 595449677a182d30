package org.doseledger.core.integrity.tlog;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <key name> <base64(4-byte key ID || signature)>} and a
 * newline, the dash being U+2014 EM DASH followed by a space (c2sp.org/signed-note). The signature bytes
 * here are those after the key ID; what they are depends on the key's signature type, which the line
 * does not say: only a known key with the same name and key ID can tell.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    /** The start of every signature line: U+2014 EM DASH and a space. */
    public static final String PREFIX = "\u2014 ";

    public NoteSignature {
        Objects.requireNonNull(signature, "signature");
        if (!Encoding.isValidKeyName(keyName)) {
            throw new IllegalArgumentException(
                    "a key name must be non-empty, without spaces or '+': " + Encoding.quote(keyName));
        }
        if (signature.length == 0) {
            throw new IllegalArgumentException("a note signature has at least one byte after the key ID");
        }
        signature = signature.clone();
    }

    /** One line, without its newline. */
    public static NoteSignature parseLine(String line) {
        Objects.requireNonNull(line, "line");
        if (!line.startsWith(PREFIX)) {
            throw new MalformedNoteException(
                    "a signature line starts with an em dash (U+2014) and a space: " + Encoding.quote(line));
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new MalformedNoteException(
                    "a signature line is '\u2014 <name> <signature>': " + Encoding.quote(line));
        }
        String name = rest.substring(0, space);
        String encoded = rest.substring(space + 1);
        if (!Encoding.isValidKeyName(name)) {
            throw new MalformedNoteException("invalid key name in signature line " + Encoding.quote(line));
        }
        byte[] bytes = Encoding.base64OrNull(encoded);
        if (bytes == null) {
            throw new MalformedNoteException(
                    "signature of " + name + " is not canonical base64: " + Encoding.quote(encoded));
        }
        if (bytes.length < 5) {
            throw new MalformedNoteException("signature of " + name + " has " + bytes.length
                    + " bytes; a key ID and a signature are at least 5");
        }
        return new NoteSignature(name, ByteBuffer.wrap(bytes).getInt(), Arrays.copyOfRange(bytes, 4, bytes.length));
    }

    /**
     * A block of signature lines, each ending in a newline, as after a note's blank line or in a
     * witness's response to add-checkpoint; at least one and at most {@link SignedNote#MAX_SIGNATURES}.
     */
    public static List<NoteSignature> parseLines(String block) {
        Objects.requireNonNull(block, "signature lines");
        if (block.isEmpty() || block.charAt(block.length() - 1) != '\n') {
            throw new MalformedNoteException("signature lines must be present and end with a newline");
        }
        String problem = Encoding.noteTextProblem(block);
        if (problem != null) {
            throw new MalformedNoteException("signature lines hold a " + problem);
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            if (signatures.size() == SignedNote.MAX_SIGNATURES) {
                throw new MalformedNoteException("more than " + SignedNote.MAX_SIGNATURES + " signatures");
            }
            int end = block.indexOf('\n', start);
            signatures.add(parseLine(block.substring(start, end)));
            start = end + 1;
        }
        return signatures;
    }

    /** base64(key ID || signature), as it appears in the line. */
    public String encodedSignature() {
        return Encoding.base64(ByteBuffer.allocate(4 + signature.length)
                .putInt(keyId)
                .put(signature)
                .array());
    }

    /** The line, with its newline. */
    public String line() {
        return PREFIX + keyName + " " + encodedSignature() + "\n";
    }

    /** Whether this line claims to be by the given key: same name and key ID. */
    public boolean claims(VerifierKey key) {
        return keyName.equals(key.name()) && keyId == key.keyId();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that
                && keyName.equals(that.keyName)
                && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line().trim();
    }
}
