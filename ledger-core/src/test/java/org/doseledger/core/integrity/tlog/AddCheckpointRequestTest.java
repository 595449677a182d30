package org.doseledger.core.integrity.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example request of c2sp.org/tlog-witness, strict parsing, and a witness and a log talking. */
class AddCheckpointRequestTest {

    private static final String SPEC_PROOF = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
            + "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
            + "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n"
            + "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n";
    private static final String SPEC_CHECKPOINT = CheckpointTest.SPEC_BODY
            + "\n"
            + CheckpointTest.SPEC_SIGNATURE
            + "\u2014 example.com/behind-the-sofa"
            + " opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";
    private static final String SPEC_REQUEST = "old 20852014\n" + SPEC_PROOF + "\n" + SPEC_CHECKPOINT;

    @Nested
    class Format {

        @Test
        void theSpecificationsExampleParsesAndFormatsBackByteForByte() {
            AddCheckpointRequest request = AddCheckpointRequest.parse(bytes(SPEC_REQUEST));
            assertThat(request.oldSize()).isEqualTo(20852014);
            assertThat(request.consistencyProof()).hasSize(4);
            assertThat(Encoding.base64(request.consistencyProof().get(3)))
                    .isEqualTo("/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=");
            assertThat(request.checkpointBody().size()).isEqualTo(20852163);
            assertThat(request.checkpoint().signatures()).hasSize(2);
            assertThat(request.format()).isEqualTo(SPEC_REQUEST);
            assertThat(AddCheckpointRequest.parse(request.toBytes())).isEqualTo(request);
        }

        @Test
        void aFirstRequestHasOldSizeZeroAndNoProof() {
            String body = "old 0\n\n" + SPEC_CHECKPOINT;
            AddCheckpointRequest request = AddCheckpointRequest.parse(bytes(body));
            assertThat(request.oldSize()).isZero();
            assertThat(request.consistencyProof()).isEmpty();
            assertThat(request.format()).isEqualTo(body);
        }

        @Test
        void sixtyThreeProofLinesAreTheMost() {
            String line = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
            assertThat(AddCheckpointRequest.parse(bytes("old 1\n" + line.repeat(63) + "\n" + SPEC_CHECKPOINT))
                            .consistencyProof())
                    .hasSize(63);
            assertThatThrownBy(() ->
                            AddCheckpointRequest.parse(bytes("old 1\n" + line.repeat(64) + "\n" + SPEC_CHECKPOINT)))
                    .isInstanceOf(MalformedAddCheckpointRequestException.class)
                    .hasMessage("Malformed add-checkpoint request: more than 63 consistency proof lines");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "old 20852014",
                    "old 20852014\n",
                    "old 20852014\n" + SPEC_PROOF,
                    "Old 20852014\n" + SPEC_PROOF + "\n" + SPEC_CHECKPOINT,
                    "old  20852014\n" + SPEC_PROOF + "\n" + SPEC_CHECKPOINT,
                    "old 020852014\n" + SPEC_PROOF + "\n" + SPEC_CHECKPOINT,
                    "old -1\n" + SPEC_PROOF + "\n" + SPEC_CHECKPOINT,
                    "old 99999999999999999999\n\n" + SPEC_CHECKPOINT,
                    "old 20852014 \n" + SPEC_PROOF + "\n" + SPEC_CHECKPOINT,
                    "old 20852014\r\n" + SPEC_PROOF + "\n" + SPEC_CHECKPOINT,
                    "old 20852014\n" + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw\n" + "\n" + SPEC_CHECKPOINT,
                    "old 20852014\n" + "YmFuYW5hcw==\n" + "\n" + SPEC_CHECKPOINT,
                    "old 20852014\n" + " PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n" + "\n" + SPEC_CHECKPOINT,
                    "old 20852014\n" + SPEC_PROOF + SPEC_CHECKPOINT,
                    "old 20852014\n" + SPEC_PROOF + "\n\n" + SPEC_CHECKPOINT,
                    "old 20852014\n" + SPEC_PROOF + "\n" + CheckpointTest.SPEC_BODY,
                    "old 20852014\n" + SPEC_PROOF + "\n" + "not a checkpoint\n\n" + CheckpointTest.SPEC_SIGNATURE
                })
        void malformedBodiesAreRefused(String body) {
            assertThatThrownBy(() -> AddCheckpointRequest.parse(bytes(body)))
                    .isInstanceOf(MalformedAddCheckpointRequestException.class);
        }

        @Test
        void theRefusalSaysWhatIsWrong() {
            assertThatThrownBy(() -> AddCheckpointRequest.parse(
                            bytes("old 7\n\n" + "x\n1\nAAAA\n\n" + CheckpointTest.SPEC_SIGNATURE)))
                    .isInstanceOf(MalformedAddCheckpointRequestException.class)
                    .hasMessage("Malformed add-checkpoint request: the signed note is not a checkpoint:"
                            + " Malformed checkpoint: the root hash is 32 bytes in canonical base64: \"AAAA\"");
        }

        @Test
        void theConflictBodyIsASizeAndANewline() {
            assertThat(AddCheckpointRequest.conflictBody(20852014)).isEqualTo("20852014\n");
            assertThat(AddCheckpointRequest.parseConflictBody("20852014\n")).isEqualTo(20852014);
            assertThatThrownBy(() -> AddCheckpointRequest.parseConflictBody("020852014\n"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AddCheckpointRequest.parseConflictBody("20852014"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A witness as the specification describes it, kept in memory, and a log that submits to it. */
    @Nested
    class Exchange {

        private final NoteSigner logKey =
                NoteSigner.fromSeed("log.example/ledger", SignatureType.ED25519, SignedNoteTest.seed(20));
        private final NoteSigner witnessKey =
                NoteSigner.fromSeed("witness.example/w1", SignatureType.COSIGNATURE_V1, SignedNoteTest.seed(21));
        private final List<byte[]> leafHashes = new ArrayList<>();
        private final Map<String, VerifierKey> trustedLogs = Map.of("log.example/ledger", logKey.verifierKey());
        private long witnessedSize = 0;
        private byte[] witnessedRoot = MerkleTree.emptyRoot();

        private record Answer(int status, String body) {}

        Exchange() {
            for (int i = 0; i < 20; i++) {
                byte[] eventHash = ReferenceMerkleTree.sha256(new byte[] {(byte) i});
                leafHashes.add(LedgerLeaf.hash(i + 1, eventHash));
            }
        }

        private Answer addCheckpoint(byte[] body) {
            AddCheckpointRequest request;
            try {
                request = AddCheckpointRequest.parse(body);
            } catch (MalformedAddCheckpointRequestException e) {
                return new Answer(400, "");
            }
            Checkpoint checkpoint = request.checkpointBody();
            VerifierKey trusted = trustedLogs.get(checkpoint.origin());
            if (trusted == null) {
                return new Answer(404, "");
            }
            try {
                request.checkpoint().verify(List.of(trusted));
            } catch (NoteVerificationException e) {
                return new Answer(403, "");
            }
            if (request.oldSize() > checkpoint.size()) {
                return new Answer(400, "");
            }
            if (request.oldSize() != witnessedSize) {
                return new Answer(409, AddCheckpointRequest.conflictBody(witnessedSize));
            }
            if (request.oldSize() == checkpoint.size() && !Arrays.equals(witnessedRoot, checkpoint.rootHash())) {
                return new Answer(409, AddCheckpointRequest.conflictBody(witnessedSize));
            }
            if (!MerkleTree.verifyConsistency(
                    request.oldSize(),
                    checkpoint.size(),
                    witnessedRoot,
                    checkpoint.rootHash(),
                    request.consistencyProof())) {
                return new Answer(422, "");
            }
            witnessedSize = checkpoint.size();
            witnessedRoot = checkpoint.rootHash();
            return new Answer(
                    200,
                    Cosignature.sign(checkpoint, witnessKey, 1_800_000_000L)
                            .toNoteSignature()
                            .line());
        }

        private SignedNote checkpointAt(int size) {
            byte[] root = MerkleTree.rootHash(InMemoryLeafHashes.of(leafHashes), size);
            return new Checkpoint("log.example/ledger", size, root).sign(logKey);
        }

        private byte[] request(int oldSize, int newSize) {
            List<byte[]> proof = MerkleTree.consistencyProof(InMemoryLeafHashes.of(leafHashes), oldSize, newSize);
            return new AddCheckpointRequest(oldSize, proof, checkpointAt(newSize)).toBytes();
        }

        @Test
        void theLogGetsCosignaturesAsTheTreeGrows() {
            Answer first = addCheckpoint(request(0, 8));
            assertThat(first.status()).isEqualTo(200);
            Answer second = addCheckpoint(request(8, 20));
            assertThat(second.status()).isEqualTo(200);

            SignedNote cosigned = checkpointAt(20).withSignatures(NoteSignature.parseLines(second.body()));
            NoteVerification verification = cosigned.verify(List.of(logKey.verifierKey(), witnessKey.verifierKey()));
            assertThat(verification.verifiedKeys()).containsExactly(logKey.verifierKey(), witnessKey.verifierKey());
            assertThat(verification.cosignatures().get(0).timestamp()).isEqualTo(1_800_000_000L);
        }

        @Test
        void aStaleOldSizeIsAConflictThatNamesTheWitnessedSize() {
            addCheckpoint(request(0, 8));
            Answer conflict = addCheckpoint(request(5, 20));
            assertThat(conflict.status()).isEqualTo(409);
            long witnessed = AddCheckpointRequest.parseConflictBody(conflict.body());
            assertThat(witnessed).isEqualTo(8);
            assertThat(addCheckpoint(request((int) witnessed, 20)).status()).isEqualTo(200);
        }

        @Test
        void aProofThatDoesNotVerifyIsUnprocessable() {
            addCheckpoint(request(0, 8));
            AddCheckpointRequest honest = AddCheckpointRequest.parse(request(8, 20));
            List<byte[]> proof = honest.consistencyProof();
            proof.get(0)[0] ^= 1;
            byte[] tampered = new AddCheckpointRequest(8, proof, honest.checkpoint()).toBytes();
            assertThat(addCheckpoint(tampered).status()).isEqualTo(422);
            byte[] fromNothing = new AddCheckpointRequest(0, honest.consistencyProof(), honest.checkpoint()).toBytes();
            witnessedSize = 0;
            assertThat(addCheckpoint(fromNothing).status()).isEqualTo(422);
        }

        @Test
        void unknownLogsAndUntrustedSignaturesAreRefused() {
            NoteSigner stranger =
                    NoteSigner.fromSeed("log.example/ledger", SignatureType.ED25519, SignedNoteTest.seed(22));
            byte[] root = MerkleTree.rootHash(InMemoryLeafHashes.of(leafHashes), 8);
            SignedNote forged = new Checkpoint("log.example/ledger", 8, root).sign(stranger);
            assertThat(addCheckpoint(new AddCheckpointRequest(0, List.of(), forged).toBytes())
                            .status())
                    .isEqualTo(403);
            SignedNote otherLog = new Checkpoint("other.example/log", 8, root).sign(logKey);
            assertThat(addCheckpoint(new AddCheckpointRequest(0, List.of(), otherLog).toBytes())
                            .status())
                    .isEqualTo(404);
            assertThat(addCheckpoint(bytes("old 9\n\n" + checkpointAt(8).format()))
                            .status())
                    .isEqualTo(400);
            assertThat(addCheckpoint(bytes("nonsense")).status()).isEqualTo(400);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
