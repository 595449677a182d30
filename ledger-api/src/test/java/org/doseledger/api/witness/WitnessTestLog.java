package org.doseledger.api.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.doseledger.core.integrity.tlog.AddCheckpointRequest;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.InMemoryLeafHashes;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.NoteSigner;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.integrity.tlog.VerifierKey;

/**
 * A real transparency log for the witness tests: entries in memory, a Merkle tree over them, checkpoints
 * signed by the log's key and consistency proofs between any two sizes. A fork shares the origin and key
 * but rewrites the entries from some index on, as a log that rewrites its history would.
 */
final class WitnessTestLog {

    static final String ORIGIN = "ledger.test/practice-1";

    private final String origin;
    private final NoteSigner key;
    private final List<byte[]> entries;

    private WitnessTestLog(String origin, NoteSigner key, List<byte[]> entries) {
        this.origin = origin;
        this.key = key;
        this.entries = entries;
    }

    /** A log of {@code size} entries signed by the key of the given seed. */
    static WitnessTestLog of(String origin, int keySeed, int size) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(("dose event " + i).getBytes(StandardCharsets.UTF_8));
        }
        return new WitnessTestLog(origin, signer(origin, SignatureType.ED25519, keySeed), entries);
    }

    static WitnessTestLog standard() {
        return of(ORIGIN, 1, 20);
    }

    /** The same log (origin and key) with every entry from {@code index} on rewritten. */
    WitnessTestLog forkedAt(int index) {
        List<byte[]> rewritten = new ArrayList<>(entries.subList(0, index));
        for (int i = index; i < entries.size(); i++) {
            rewritten.add(("rewritten dose event " + i).getBytes(StandardCharsets.UTF_8));
        }
        return new WitnessTestLog(origin, key, rewritten);
    }

    /** The same entries and origin signed by another key. */
    WitnessTestLog signedByAnotherKey() {
        return new WitnessTestLog(origin, signer(origin, SignatureType.ED25519, 99), entries);
    }

    /** The same entries under another origin, with a key of its own. */
    WitnessTestLog withOrigin(String otherOrigin) {
        return new WitnessTestLog(otherOrigin, signer(otherOrigin, SignatureType.ED25519, 77), entries);
    }

    String origin() {
        return origin;
    }

    VerifierKey verifierKey() {
        return key.verifierKey();
    }

    Checkpoint checkpointBody(int size) {
        InMemoryLeafHashes leaves = InMemoryLeafHashes.ofLeafInputs(entries.subList(0, size));
        return new Checkpoint(origin, size, MerkleTree.rootHash(leaves, size));
    }

    SignedNote checkpoint(int size) {
        return checkpointBody(size).sign(key);
    }

    List<byte[]> proof(long oldSize, int newSize) {
        return MerkleTree.consistencyProof(InMemoryLeafHashes.ofLeafInputs(entries), oldSize, newSize);
    }

    /** The request a correct log sends: old size, the proof from it, the checkpoint of the new size. */
    AddCheckpointRequest request(long oldSize, int newSize) {
        return new AddCheckpointRequest(oldSize, proof(oldSize, newSize), checkpoint(newSize));
    }

    byte[] body(long oldSize, int newSize) {
        return request(oldSize, newSize).toBytes();
    }

    static NoteSigner signer(String name, SignatureType type, int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        bytes[0] = (byte) type.id();
        return NoteSigner.fromSeed(name, type, bytes);
    }

    static NoteSigner witnessKey() {
        return signer("witness.test/regulator", SignatureType.COSIGNATURE_V1, 42);
    }
}
