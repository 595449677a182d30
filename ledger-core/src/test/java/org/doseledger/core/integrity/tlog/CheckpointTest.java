package org.doseledger.core.integrity.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known answers: golang.org/x/mod/sumdb/tlog note_test.go (the go.sum tree head format, whose root is the
 * leaf hash of "hello world"), transparency-dev/formats log/note_test.go (a checkpoint signed by
 * sum.golang.org), and the example of c2sp.org/tlog-checkpoint.
 */
class CheckpointTest {

    static final String SUM_GOLANG_ORG = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    static final String SPEC_BODY =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    static final String SPEC_SIGNATURE = "\u2014 example.com/behind-the-sofa"
            + " Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

    @Test
    void theGoSumTreeHeadIsACheckpoint() {
        String golden = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";
        byte[] recordHash = MerkleTree.leafHash("hello world".getBytes(StandardCharsets.US_ASCII));
        Checkpoint checkpoint = new Checkpoint("go.sum database tree", 123456789012L, recordHash);
        assertThat(checkpoint.body()).isEqualTo(golden);
        assertThat(Checkpoint.parse(golden)).isEqualTo(checkpoint);
    }

    @Test
    void aCheckpointSignedBySumGolangOrgVerifies() {
        String note = "go.sum database tree\n6476701\nmb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n\n"
                + "\u2014 sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n";
        Checkpoint checkpoint = Checkpoint.verify(SignedNote.parse(note), VerifierKey.parse(SUM_GOLANG_ORG));
        assertThat(checkpoint.origin()).isEqualTo("go.sum database tree");
        assertThat(checkpoint.size()).isEqualTo(6476701);
        assertThat(checkpoint.rootHash())
                .isEqualTo(Base64.getDecoder().decode("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk="));
    }

    @Test
    void theSpecificationsExampleParses() {
        SignedNote note = SignedNote.parse(SPEC_BODY + "\n" + SPEC_SIGNATURE);
        Checkpoint checkpoint = Checkpoint.fromNote(note);
        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.body()).isEqualTo(SPEC_BODY);
        assertThat(Encoding.hex(note.signatures().get(0).keyId())).isEqualTo("033de0ae");
    }

    /**
     * The example's signature carries sum.golang.org's key ID, and it is that key's real signature of the
     * same tree head under the Go checksum database's origin: a second signed checkpoint from a live log.
     */
    @Test
    void theSpecificationsExampleSignatureIsSumGolangOrgsOfTheGoSumTree() {
        String body = SPEC_BODY.replace("example.com/behind-the-sofa", "go.sum database tree");
        String line = SPEC_SIGNATURE.replace("example.com/behind-the-sofa", "sum.golang.org");
        Checkpoint checkpoint =
                Checkpoint.verify(SignedNote.parse(body + "\n" + line), VerifierKey.parse(SUM_GOLANG_ORG));
        assertThat(checkpoint.size()).isEqualTo(20852163);
    }

    @Test
    void extensionLinesFollowTheRootHash() {
        String body = "Moon Log\n4027504\n" + Encoding.base64(new byte[32]) + "\n6086d1a9\nWaxing gibbous\n";
        Checkpoint checkpoint = Checkpoint.parse(body);
        assertThat(checkpoint.extensions()).containsExactly("6086d1a9", "Waxing gibbous");
        assertThat(checkpoint.body()).isEqualTo(body);
    }

    @Test
    void aLogSignsAndAClientVerifies() {
        NoteSigner log = NoteSigner.fromSeed("log.example/ledger", SignatureType.ED25519, SignedNoteTest.seed(1));
        NoteSigner other = NoteSigner.fromSeed("log.example/ledger", SignatureType.ED25519, SignedNoteTest.seed(2));
        Checkpoint checkpoint = new Checkpoint("log.example/ledger", 42, MerkleTree.emptyRoot());
        SignedNote note = SignedNote.parse(checkpoint.sign(log).toBytes());
        assertThat(Checkpoint.verify(note, log.verifierKey())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.verify(note, other.verifierKey()))
                .isInstanceOf(NoteVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n",
                "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=JOE",
                "Head\n9944\n",
                "\n9944\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "Log\n123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=",
                "Log\nbananas\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "Log\n-34\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "Log\n3438945738945739845734895735\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "Log\n9223372036854775808\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "Log\n123\nThisIsn'tBase64\n",
                "Log\n123\nYmFuYW5hcw==\n",
                "Log\n0123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "Log\n+123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                "Log\n123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0\n",
                "Log\n123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb1=\n",
                "Log\n123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n\n",
                "Log\n123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\next\n\n",
                "Log\r\n123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
                ""
            })
    void malformedBodiesAreRefused(String body) {
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(MalformedCheckpointException.class);
    }

    @Test
    void theRefusalNamesTheValue() {
        assertThatThrownBy(() -> Checkpoint.parse("Log\n0123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n"))
                .isInstanceOf(MalformedCheckpointException.class)
                .hasMessage("Malformed checkpoint: the tree size is decimal without leading zeros: \"0123\"");
    }

    @Test
    void aCheckpointIsBuiltOnlyFromValidLines() {
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the origin must be one line of text: \"two\\nlines\"");
        assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[32], List.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the extension line must not be empty");
        assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[20]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a root hash is 32 bytes, this one 20");
    }
}
