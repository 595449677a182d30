package org.doseledger.core.integrity.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of a witness's {@code POST <submission prefix>/add-checkpoint} (c2sp.org/tlog-witness): the
 * line {@code old <size>}, zero to {@value #MAX_PROOF_LINES} lines of base64 consistency-proof hashes, an
 * empty line, then the signed checkpoint note. Every line ends in a newline; sizes are decimal without
 * leading zeros. The log (client) sends the size of the last checkpoint the witness cosigned for it and a
 * consistency proof ({@link MerkleTree#consistencyProof}) from that size to the new checkpoint's, empty
 * when the old size is 0.
 *
 * <p>What the witness answers, per the specification:
 *
 * <ul>
 *   <li><b>200</b>: the body is one or more note signature lines, each ending in a newline, that are the
 *       witness's cosignatures ({@link Cosignature}) of the checkpoint; the client appends them to its
 *       note ({@link NoteSignature#parseLines}, {@link SignedNote#withSignatures}) and ignores lines of
 *       keys it does not know. The witness first persists the checkpoint as its latest for the origin,
 *       checking the old size and storing the new one atomically.
 *   <li><b>400</b>: the body is malformed ({@link #parse} throws), or the old size is larger than the
 *       checkpoint's size.
 *   <li><b>403</b>: none of the checkpoint's signatures verifies under a key the witness trusts for the
 *       origin (signatures by unknown keys are ignored).
 *   <li><b>404</b>: the witness does not know the checkpoint's origin.
 *   <li><b>409</b>: the old size is not the size of the latest checkpoint the witness cosigned for the
 *       origin (0 if none); the body is that size in decimal and a newline ({@link #conflictBody}) with
 *       Content-Type {@value #CONFLICT_CONTENT_TYPE}, so the client can retry with a proof from there (a
 *       client that knows nothing may first send old size 0 to learn it). Also 409 when the old size
 *       equals the checkpoint's size but the root hashes differ.
 *   <li><b>422</b>: the consistency proof does not verify ({@link MerkleTree#verifyConsistency} with the
 *       witness's stored root; a non-empty proof from size 0 does not verify either). The witness may
 *       keep such a request as evidence of misbehaviour, but must not cosign.
 * </ul>
 *
 * <p>Open points: transparency-dev/witness answers 422, not 409, to equal sizes with different roots,
 * and 429 when it pushes back; neither is in the specification. The specification does not bound the
 * body's size (the reference witness reads at most 16 KiB) and says a hash is base64 without fixing its
 * length; here every proof hash is 32 bytes (SHA-256).
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> consistencyProof, SignedNote checkpoint) {

    /** The most consistency-proof lines a client may send. */
    public static final int MAX_PROOF_LINES = 63;

    /** The Content-Type of a 409 answer, whose body is the witness's latest cosigned size. */
    public static final String CONFLICT_CONTENT_TYPE = "text/x.tlog.size";

    private static final Pattern OLD_LINE = Pattern.compile("old (0|[1-9][0-9]*)");
    private static final Pattern DECIMAL_LINE = Pattern.compile("(0|[1-9][0-9]*)\n");

    public AddCheckpointRequest {
        Objects.requireNonNull(consistencyProof, "consistency proof");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (oldSize < 0) {
            throw new IllegalArgumentException("the old size must not be negative: " + oldSize);
        }
        if (consistencyProof.size() > MAX_PROOF_LINES) {
            throw new IllegalArgumentException(
                    "at most " + MAX_PROOF_LINES + " consistency proof hashes, not " + consistencyProof.size());
        }
        List<byte[]> copy = new ArrayList<>(consistencyProof.size());
        for (int i = 0; i < consistencyProof.size(); i++) {
            byte[] hash = consistencyProof.get(i);
            if (hash == null || hash.length != MerkleTree.HASH_SIZE) {
                throw new IllegalArgumentException("consistency proof hash " + i + " must be " + MerkleTree.HASH_SIZE
                        + " bytes, is " + (hash == null ? "null" : hash.length + " bytes"));
            }
            copy.add(hash.clone());
        }
        consistencyProof = List.copyOf(copy);
        Checkpoint.fromNote(checkpoint);
    }

    /** Parses a request body, strictly: see the class comment. Verifies no signature and no proof. */
    public static AddCheckpointRequest parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        String text = Encoding.utf8OrNull(body);
        if (text == null) {
            throw new MalformedAddCheckpointRequestException("not valid UTF-8");
        }
        int lineEnd = text.indexOf('\n');
        if (lineEnd < 0) {
            throw new MalformedAddCheckpointRequestException("no old size line");
        }
        String oldLine = text.substring(0, lineEnd);
        var old = OLD_LINE.matcher(oldLine);
        if (!old.matches()) {
            throw new MalformedAddCheckpointRequestException(
                    "the first line is 'old <size>', decimal without leading zeros: " + Encoding.quote(oldLine));
        }
        long oldSize;
        try {
            oldSize = Long.parseLong(old.group(1));
        } catch (NumberFormatException e) {
            throw new MalformedAddCheckpointRequestException(
                    "old size " + old.group(1) + " is above " + Long.MAX_VALUE);
        }
        List<byte[]> proof = new ArrayList<>();
        int start = lineEnd + 1;
        while (true) {
            lineEnd = text.indexOf('\n', start);
            if (lineEnd < 0) {
                throw new MalformedAddCheckpointRequestException("no empty line before the checkpoint");
            }
            String line = text.substring(start, lineEnd);
            start = lineEnd + 1;
            if (line.isEmpty()) {
                break;
            }
            if (proof.size() == MAX_PROOF_LINES) {
                throw new MalformedAddCheckpointRequestException(
                        "more than " + MAX_PROOF_LINES + " consistency proof lines");
            }
            byte[] hash = Encoding.base64OrNull(line);
            if (hash == null || hash.length != MerkleTree.HASH_SIZE) {
                throw new MalformedAddCheckpointRequestException("consistency proof line " + (proof.size() + 1)
                        + " is not a 32-byte hash in canonical base64: " + Encoding.quote(line));
            }
            proof.add(hash);
        }
        SignedNote note;
        try {
            note = SignedNote.parse(text.substring(start));
        } catch (MalformedNoteException e) {
            throw new MalformedAddCheckpointRequestException("the checkpoint is not a signed note", e);
        }
        try {
            return new AddCheckpointRequest(oldSize, proof, note);
        } catch (MalformedCheckpointException e) {
            throw new MalformedAddCheckpointRequestException("the signed note is not a checkpoint", e);
        }
    }

    /** The request body. */
    public String format() {
        StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
        consistencyProof.forEach(hash -> out.append(Encoding.base64(hash)).append('\n'));
        return out.append('\n').append(checkpoint.format()).toString();
    }

    /** {@link #format()} in UTF-8. */
    public byte[] toBytes() {
        return Encoding.utf8(format());
    }

    /** The checkpoint the note states (its signatures not verified). */
    public Checkpoint checkpointBody() {
        return Checkpoint.fromNote(checkpoint);
    }

    @Override
    public List<byte[]> consistencyProof() {
        return consistencyProof.stream().map(byte[]::clone).toList();
    }

    /** The body of a 409 answer: the witness's latest cosigned size and a newline. */
    public static String conflictBody(long latestSize) {
        if (latestSize < 0) {
            throw new IllegalArgumentException("a tree size must not be negative: " + latestSize);
        }
        return latestSize + "\n";
    }

    /** The size in a 409 answer's body. */
    public static long parseConflictBody(String body) {
        Objects.requireNonNull(body, "body");
        if (!DECIMAL_LINE.matcher(body).matches()) {
            throw new IllegalArgumentException("a 409 body is a decimal size and a newline: " + Encoding.quote(body));
        }
        try {
            return Long.parseLong(body.substring(0, body.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size " + Encoding.quote(body) + " is above " + Long.MAX_VALUE);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddCheckpointRequest that
                && oldSize == that.oldSize
                && sameHashes(consistencyProof, that.consistencyProof)
                && checkpoint.equals(that.checkpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                oldSize, consistencyProof.stream().map(Arrays::hashCode).toList(), checkpoint);
    }

    @Override
    public String toString() {
        return "AddCheckpointRequest[old " + oldSize + ", " + consistencyProof.size() + " proof hashes, "
                + checkpointBody() + "]";
    }

    private static boolean sameHashes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
