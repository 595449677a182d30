package org.doseledger.core.integrity.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers: the signed message and the cosignature line of the example of c2sp.org/tlog-cosignature,
 * and the timestamp vector of transparency-dev/formats note_cosigv1_test.go. No cosignature published
 * with its witness's public key was found, so the signature itself is checked against an Ed25519
 * verification written out here from the specification's message format.
 */
class CosignatureTest {

    private static final String SPEC_LINE = "\u2014 witness.example.com/w1"
            + " jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==";

    private final NoteSigner log =
            NoteSigner.fromSeed("log.example/ledger", SignatureType.ED25519, SignedNoteTest.seed(10));
    private final NoteSigner witness =
            NoteSigner.fromSeed("witness.example/w1", SignatureType.COSIGNATURE_V1, SignedNoteTest.seed(11));
    private final Checkpoint checkpoint = new Checkpoint("log.example/ledger", 7, MerkleTree.leafHash(new byte[0]));

    @Test
    void theSignedMessageIsTheSpecificationsExample() {
        assertThat(new String(Cosignature.signedMessage(1679315147, CheckpointTest.SPEC_BODY), StandardCharsets.UTF_8))
                .isEqualTo("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
                        + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void theSpecificationsCosignatureLineCarriesItsTimestamp() {
        Cosignature cosignature = Cosignature.fromNoteSignature(NoteSignature.parseLine(SPEC_LINE));
        assertThat(cosignature.cosignerName()).isEqualTo("witness.example.com/w1");
        assertThat(Encoding.hex(cosignature.keyId())).isEqualTo("8d66cf3f");
        assertThat(cosignature.timestamp()).isEqualTo(1679315147);
        assertThat(cosignature.toNoteSignature().line()).isEqualTo(SPEC_LINE + "\n");
    }

    @Test
    void theTimestampVectorOfTransparencyDevFormats() {
        NoteSignature line = NoteSignature.parseLine(
                "\u2014 w ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==");
        assertThat(Cosignature.fromNoteSignature(line).timestamp()).isEqualTo(1727964367);
        NoteSignature plain = NoteSignature.parseLine(
                "\u2014 w eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=");
        assertThatThrownBy(() -> Cosignature.fromNoteSignature(plain))
                .isInstanceOf(MalformedNoteException.class)
                .hasMessage("Malformed signed note: a cosignature/v1 by w has 72 bytes after the key ID, this one 64");
    }

    @Test
    void theKeyIdOfACosignerUsesType4() {
        byte[] key = witness.verifierKey().publicKey();
        byte[] input = ("witness.example/w1\n").getBytes(StandardCharsets.UTF_8);
        byte[] hash = ReferenceMerkleTree.sha256(input, new byte[] {0x04}, key);
        assertThat(Encoding.hex(witness.keyId())).isEqualTo(HexFormat.of().formatHex(hash, 0, 4));
    }

    @Test
    void aCosignatureIsAnEd25519SignatureOfTheSpecifiedMessage() throws Exception {
        Cosignature cosignature = Cosignature.sign(checkpoint, witness, 1_790_000_000L);

        String message = "cosignature/v1\ntime 1790000000\nlog.example/ledger\n7\n"
                + Base64.getEncoder().encodeToString(MerkleTree.leafHash(new byte[0])) + "\n";
        byte[] spki = HexFormat.of()
                .parseHex("302a300506032b6570032100"
                        + HexFormat.of().formatHex(witness.verifierKey().publicKey()));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        ed25519.update(message.getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(cosignature.signature())).isTrue();

        byte[] line = Base64.getDecoder().decode(cosignature.toNoteSignature().encodedSignature());
        assertThat(line).hasSize(4 + 8 + 64);
        assertThat(HexFormat.of().formatHex(line, 4, 12)).isEqualTo("000000006ab13b80");
        assertThat(cosignature.verifies(checkpoint, witness.verifierKey())).isTrue();
    }

    @Test
    void aCosignedCheckpointVerifiesWithTheLogAndWitnessKeys() {
        Cosignature cosignature = Cosignature.sign(checkpoint, witness, 1_790_000_000L);
        SignedNote note = checkpoint.sign(log).withSignatures(List.of(cosignature.toNoteSignature()));
        NoteVerification verification =
                SignedNote.parse(note.toBytes()).verify(List.of(log.verifierKey(), witness.verifierKey()));
        assertThat(verification.verifiedKeys()).containsExactly(log.verifierKey(), witness.verifierKey());
        assertThat(verification.cosignatures()).containsExactly(cosignature);
        assertThat(verification.cosignatures().get(0).time()).hasToString("2026-09-21T14:13:20Z");
    }

    @Test
    void theSameKeyAsAPlainNoteKeyIsAnotherKey() {
        Cosignature cosignature = Cosignature.sign(checkpoint, witness, 1_790_000_000L);
        VerifierKey asNoteKey = new VerifierKey(
                witness.name(), SignatureType.ED25519, witness.verifierKey().publicKey());
        SignedNote note = checkpoint.sign(log).withSignatures(List.of(cosignature.toNoteSignature()));
        NoteVerification verification = note.verify(List.of(log.verifierKey(), asNoteKey));
        assertThat(verification.verifiedKeys()).containsExactly(log.verifierKey());
        assertThat(verification.unknown()).containsExactly(cosignature.toNoteSignature());
        assertThat(cosignature.verifies(checkpoint, asNoteKey)).isFalse();
    }

    @Test
    void aChangedTimestampOrCheckpointFails() {
        Cosignature cosignature = Cosignature.sign(checkpoint, witness, 1_790_000_000L);
        Cosignature backdated = new Cosignature(
                cosignature.cosignerName(), cosignature.keyId(), 1_700_000_000L, cosignature.signature());
        assertThat(backdated.verifies(checkpoint, witness.verifierKey())).isFalse();
        Checkpoint extended =
                new Checkpoint(checkpoint.origin(), checkpoint.size(), checkpoint.rootHash(), List.of("extension"));
        assertThat(cosignature.verifies(extended, witness.verifierKey())).isFalse();
        assertThat(Cosignature.sign(extended, witness, 1).verifies(extended, witness.verifierKey()))
                .isTrue();
        SignedNote forged = checkpoint.sign(log).withSignatures(List.of(backdated.toNoteSignature()));
        assertThatThrownBy(() -> forged.verify(List.of(log.verifierKey(), witness.verifierKey())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("witness.example/w1+" + Encoding.hex(witness.keyId()) + " does not verify");
    }

    @Test
    void onlyCosignatureKeysCosign() {
        assertThatThrownBy(() -> Cosignature.sign(checkpoint, log, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a cosignature/v1 key (type 0x04)");
        assertThatThrownBy(() -> Cosignature.signedMessage(-1, "x\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
