package org.doseledger.core.integrity.tlog;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A transparency log checkpoint (c2sp.org/tlog-checkpoint): the body of a signed note that states the
 * log's tree head. Not to be confused with the ledger's own sealing checkpoint, {@code
 * org.doseledger.core.integrity.Checkpoint}.
 *
 * <p>The body is at least three non-empty lines, each ending in a newline: the origin (the log's
 * identity; non-empty, and recommended to be a schema-less URL without spaces or '+', which is not
 * enforced), the tree size in decimal without leading zeros, the root hash (RFC 6962 / RFC 9162 Merkle
 * tree root, 32 bytes) in base64, then optional non-empty extension lines, which the specification does
 * not recommend and this ledger does not use.
 *
 * <p>Open point: the specification allows any unsigned tree size; sizes above 2^63 - 1 are refused here.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "root hash");
        Objects.requireNonNull(extensions, "extension lines");
        requireLine("origin", origin);
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        if (rootHash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException(
                    "a root hash is " + MerkleTree.HASH_SIZE + " bytes, this one " + rootHash.length);
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        extensions.forEach(line -> requireLine("extension line", line));
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** Parses a checkpoint body (a note text), strictly. */
    public static Checkpoint parse(String body) {
        Objects.requireNonNull(body, "body");
        if (body.isEmpty() || body.charAt(body.length() - 1) != '\n') {
            throw new MalformedCheckpointException("the body must end with a newline: " + Encoding.quote(body));
        }
        String problem = Encoding.noteTextProblem(body);
        if (problem != null) {
            throw new MalformedCheckpointException("the body holds a " + problem);
        }
        List<String> lines = Arrays.asList(body.substring(0, body.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new MalformedCheckpointException("a checkpoint has origin, size and root hash lines, this has "
                    + lines.size() + ": " + Encoding.quote(body));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                throw new MalformedCheckpointException("line " + (i + 1) + " is empty: " + Encoding.quote(body));
            }
        }
        String size = lines.get(1);
        if (!DECIMAL.matcher(size).matches()) {
            throw new MalformedCheckpointException(
                    "the tree size is decimal without leading zeros: " + Encoding.quote(size));
        }
        long treeSize;
        try {
            treeSize = Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw new MalformedCheckpointException("tree size " + size + " is above " + Long.MAX_VALUE);
        }
        byte[] root = Encoding.base64OrNull(lines.get(2));
        if (root == null || root.length != MerkleTree.HASH_SIZE) {
            throw new MalformedCheckpointException(
                    "the root hash is 32 bytes in canonical base64: " + Encoding.quote(lines.get(2)));
        }
        return new Checkpoint(lines.get(0), treeSize, root, lines.subList(3, lines.size()));
    }

    /** The checkpoint of a signed note, parsed from its text without verifying any signature. */
    public static Checkpoint fromNote(SignedNote note) {
        Objects.requireNonNull(note, "note");
        return parse(note.text());
    }

    /**
     * The checkpoint of a signed note that the log's key has signed; signatures of other keys are left
     * for the caller (for example witnesses, through {@link SignedNote#verify}).
     *
     * @throws NoteVerificationException unless the log key's signature is there and verifies
     */
    public static Checkpoint verify(SignedNote note, VerifierKey logKey) {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(logKey, "log key");
        note.verify(List.of(logKey));
        return fromNote(note);
    }

    /** The note text: origin, size and root hash lines, then the extension lines. */
    public String body() {
        StringBuilder out = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Encoding.base64(rootHash))
                .append('\n');
        extensions.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /**
     * The checkpoint as a note signed by the log. The specification says the key name should be the
     * origin; that is left to the caller, who chooses the key.
     */
    public SignedNote sign(NoteSigner logKey) {
        return SignedNote.sign(body(), List.of(logKey));
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && Arrays.equals(rootHash, that.rootHash)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + Encoding.base64(rootHash)
                + (extensions.isEmpty() ? "" : ", " + extensions) + "]";
    }

    private static void requireLine(String what, String line) {
        if (line.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " must not be empty");
        }
        String problem = Encoding.noteTextProblem(line);
        if (line.indexOf('\n') >= 0 || problem != null) {
            throw new IllegalArgumentException("the " + what + " must be one line of text: " + Encoding.quote(line));
        }
    }
}
