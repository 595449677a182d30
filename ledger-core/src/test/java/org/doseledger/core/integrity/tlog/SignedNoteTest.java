package org.doseledger.core.integrity.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known answers from golang.org/x/mod/sumdb/note (note_test.go and the package documentation: the
 * PeterNeumann and EnochRoot keys and signatures), from the example of c2sp.org/signed-note (the
 * example.com/foo key and note, and the quasimodo note), and from transparency-dev/formats (vkeys whose
 * base64 holds a '+', and a type 0x04 key). Every signature here is checked by Ed25519, not copied.
 */
class SignedNoteTest {

    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG =
            "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    static final VerifierKey PETER = VerifierKey.parse(PETER_VKEY);
    static final VerifierKey ENOCH = VerifierKey.parse(ENOCH_VKEY);

    @Nested
    class Keys {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    PETER_VKEY,
                    ENOCH_VKEY,
                    // the Go checksum database's key, whose base64 holds '+'
                    "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8",
                    // transparency-dev/formats note_cosigv1_test.go: a '+' right after the key ID, and a 0x04 key
                    "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6",
                    "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
                    // c2sp.org/signed-note's example key
                    "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
                })
        void publishedVerifierKeysParseAndFormatBackByteForByte(String vkey) {
            VerifierKey key = VerifierKey.parse(vkey);
            assertThat(key.encoded()).isEqualTo(vkey);
            assertThat(Encoding.hex(key.keyId())).isEqualTo(vkey.split("\\+")[1]);
        }

        @Test
        void theKeyIdDependsOnTheSignatureType() {
            VerifierKey remora =
                    VerifierKey.parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
            assertThat(remora.type()).isEqualTo(SignatureType.COSIGNATURE_V1);
            VerifierKey asNoteKey = new VerifierKey(remora.name(), SignatureType.ED25519, remora.publicKey());
            assertThat(asNoteKey.keyId()).isNotEqualTo(remora.keyId());
        }

        /** golang.org/x/mod/sumdb/note TestNewVerifier: no substring and no single-byte change is accepted. */
        @Test
        void everyManglingOfAVerifierKeyIsRefused() {
            for (String mangled : manglings(PETER_VKEY)) {
                assertThatThrownBy(() -> VerifierKey.parse(mangled))
                        .as("vkey %s", mangled)
                        .isInstanceOf(MalformedKeyException.class);
            }
            // wrong key length and unknown algorithm, each with a key ID that matches
            assertThatThrownBy(() -> VerifierKey.parse(
                            "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                    .isInstanceOf(MalformedKeyException.class);
            assertThatThrownBy(() ->
                            VerifierKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessage("Malformed note key: key PeterNeumann has signature type 0x65;"
                            + " supported are 0x01 (Ed25519) and 0x04 (cosignature/v1)");
        }

        @Test
        void aDeclaredKeyIdMustBeTheComputedOne() {
            assertThatThrownBy(() ->
                            VerifierKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessage("Malformed note key: key PeterNeumann declares key ID c74f20a4"
                            + " but its name, type and key give c74f20a3");
        }

        @Test
        void theGoSignerKeyGivesTheGoVerifierKey() {
            NoteSigner signer = NoteSigner.parse(PETER_SKEY);
            assertThat(signer.verifierKey()).isEqualTo(PETER);
            assertThat(signer.encoded()).isEqualTo(PETER_SKEY);
            assertThat(signer.toString()).doesNotContain("AYEKFALV").contains("PeterNeumann+c74f20a3");
        }

        /** golang.org/x/mod/sumdb/note TestNewSigner. */
        @Test
        void everyManglingOfASignerKeyIsRefused() {
            for (String mangled : manglings(PETER_SKEY)) {
                assertThatThrownBy(() -> NoteSigner.parse(mangled))
                        .as("skey %s", mangled)
                        .isInstanceOf(MalformedKeyException.class);
            }
        }

        @Test
        void generatedKeysRoundTripThroughTheirText() {
            NoteSigner signer = NoteSigner.generate("log.example/dose-ledger", SignatureType.ED25519);
            NoteSigner again = NoteSigner.parse(signer.encoded());
            assertThat(again.verifierKey()).isEqualTo(signer.verifierKey());
            assertThat(VerifierKey.parse(signer.verifierKey().encoded())).isEqualTo(signer.verifierKey());
            SignedNote note = SignedNote.sign("hello\n", List.of(again));
            assertThat(note.verify(List.of(signer.verifierKey())).verifiedKeys())
                    .containsExactly(signer.verifierKey());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "with space", "with+plus", "tab\there", "nbsp\u00a0here", "line\u2028sep"})
        void keyNamesHaveNoSpaceOrPlus(String name) {
            assertThatThrownBy(() -> new VerifierKey(name, SignatureType.ED25519, new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Signing {

        @Test
        void signingTheGoTextGivesTheGoNoteByteForByte() {
            SignedNote note = SignedNote.sign(TEXT, List.of(NoteSigner.parse(PETER_SKEY)));
            assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG);
        }

        @Test
        void signingAgainReplacesTheSignatureOfTheSameKey() {
            NoteSignature stale = new NoteSignature("PeterNeumann", 0xc74f20a3, new byte[] {1, 2, 3});
            SignedNote note = new SignedNote(TEXT, List.of(stale, NoteSignature.parseLine(ENOCH_SIG.strip())));
            SignedNote resigned = note.signedBy(List.of(NoteSigner.parse(PETER_SKEY)));
            assertThat(resigned.format()).isEqualTo(TEXT + "\n" + ENOCH_SIG + PETER_SIG);
        }

        @Test
        void aTextWithoutFinalNewlineCannotBeSigned() {
            assertThatThrownBy(() -> SignedNote.sign("abc", List.of(NoteSigner.parse(PETER_SKEY))))
                    .isInstanceOf(MalformedNoteException.class)
                    .hasMessage("Malformed signed note: the text must end with a newline: \"abc\"");
        }

        @Test
        void aCosignatureKeyDoesNotSignPlainNotes() {
            NoteSigner witness = NoteSigner.generate("witness.example/w1", SignatureType.COSIGNATURE_V1);
            assertThatThrownBy(() -> SignedNote.sign(TEXT, List.of(witness)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sign checkpoints with it through Cosignature.sign");
        }
    }

    @Nested
    class Verifying {

        @Test
        void theSpecificationsExampleVerifies() {
            String note = "This is an example message.\n\n"
                    + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
            VerifierKey foo =
                    VerifierKey.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
            NoteVerification verification = SignedNote.parse(note).verify(List.of(foo));
            assertThat(verification.text()).isEqualTo("This is an example message.\n");
            assertThat(verification.verifiedKeys()).containsExactly(foo);
        }

        @Test
        void aKnownKeyVerifiesAndAnUnknownOneIsIgnored() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
            NoteVerification verification = note.verify(List.of(PETER));
            assertThat(verification.text()).isEqualTo(TEXT);
            assertThat(verification.verifiedKeys()).containsExactly(PETER);
            assertThat(verification.unknown()).containsExactly(NoteSignature.parseLine(ENOCH_SIG.strip()));
        }

        @Test
        void bothKnownKeysVerify() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
            assertThat(note.verify(List.of(ENOCH, PETER)).verifiedKeys()).containsExactly(PETER, ENOCH);
            assertThat(note.verify(List.of(ENOCH, PETER, ENOCH)).verifiedKeys()).containsExactly(PETER, ENOCH);
        }

        @Test
        void aNoteWithoutAKnownSignatureIsRejected() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
            assertThatThrownBy(() -> note.verify(List.of()))
                    .isInstanceOf(NoteVerificationException.class)
                    .hasMessage("Signed note rejected: no signature by a known key; signed by"
                            + " [PeterNeumann+c74f20a3, EnochRoot+af0cfe78], known are []");
        }

        @Test
        void aKnownKeysBadSignatureRejectsTheWholeNote() {
            String bad = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
            SignedNote note = SignedNote.parse(TEXT + "\n" + bad + ENOCH_SIG);
            assertThatThrownBy(() -> note.verify(List.of(PETER, ENOCH)))
                    .isInstanceOf(NoteVerificationException.class)
                    .hasMessage(
                            "Signed note rejected: the signature of known key PeterNeumann+c74f20a3 does not verify");
        }

        @Test
        void aChangedTextFailsItsSignature() {
            SignedNote note = SignedNote.parse(TEXT.replace("answer", "solution") + "\n" + PETER_SIG);
            assertThatThrownBy(() -> note.verify(List.of(PETER))).isInstanceOf(NoteVerificationException.class);
        }

        /** golang.org/x/mod/sumdb/note TestOpen, "duplicated verified and unverified signatures". */
        @Test
        void repeatedSignaturesAreCountedOnce() {
            String enochAbcd = ENOCH_SIG.substring(0, 60) + "ABCD" + ENOCH_SIG.substring(60);
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + enochAbcd);
            NoteVerification verification = note.verify(List.of(PETER));
            assertThat(verification.verifiedKeys()).containsExactly(PETER);
            assertThat(verification.unknown())
                    .containsExactly(
                            NoteSignature.parseLine(ENOCH_SIG.strip()), NoteSignature.parseLine(enochAbcd.strip()));
        }

        @Test
        void aSignatureUnderAnotherNameIsNotTheKnownKeys() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "CarmenSandiego"));
            assertThatThrownBy(() -> note.verify(List.of(PETER))).isInstanceOf(NoteVerificationException.class);
            SignedNote wrongId = SignedNote.parse(TEXT + "\n" + PETER_SIG.replace("x08g", "xxxx"));
            assertThatThrownBy(() -> wrongId.verify(List.of(PETER))).isInstanceOf(NoteVerificationException.class);
        }
    }

    @Nested
    class Parsing {

        @Test
        void aNoteIsFormattedBackByteForByte() {
            String text = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
            assertThat(SignedNote.parse(text).format()).isEqualTo(text);
            assertThat(SignedNote.parse(text.getBytes(StandardCharsets.UTF_8)).toBytes())
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }

        /** c2sp.org/signed-note's first example: the text holds a blank line; the last one separates. */
        @Test
        void theTextEndsAtTheLastBlankLine() {
            String text =
                    "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n";
            String line = "\u2014 quasimodo.example/salvatore"
                    + " NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";
            SignedNote note = SignedNote.parse((text + "\n" + line).getBytes(StandardCharsets.UTF_8));
            assertThat(note.text()).isEqualTo(text);
            assertThat(note.signatures()).hasSize(1);
            assertThat(note.signatures().get(0).keyName()).isEqualTo("quasimodo.example/salvatore");
            assertThat(Encoding.hex(note.signatures().get(0).keyId())).isEqualTo("367ba04b");
            assertThat(note.signatures().get(0).signature()).hasSize(64);
        }

        /** golang.org/x/mod/sumdb/note TestOpen, "invalid encoded message syntax". */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    TEXT,
                    TEXT + "\n",
                    TEXT + "\n"
                            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                    "\u0001" + TEXT + "\n" + PETER_SIG,
                    TEXT + "\n"
                            + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                    TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                    // further strictness
                    TEXT + "\n"
                            + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                    TEXT + "\n"
                            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n",
                    TEXT + "\n"
                            + "\u2014 PeterNeumann  x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                    TEXT + "\n" + "\u2014 PeterNeumann AQID\n",
                    TEXT + "\n"
                            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\r\n",
                    TEXT + "\n" + PETER_SIG + "\n",
                    "\n"
                })
        void malformedNotesAreRefused(String note) {
            assertThatThrownBy(() -> SignedNote.parse(note)).isInstanceOf(MalformedNoteException.class);
        }

        @Test
        void aNoteThatIsNotUtf8IsRefused() {
            byte[] bytes = ("x" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
            bytes[0] = (byte) 0xff;
            assertThatThrownBy(() -> SignedNote.parse(bytes))
                    .isInstanceOf(MalformedNoteException.class)
                    .hasMessage("Malformed signed note: not valid UTF-8");
        }

        @Test
        void aNoteHasAtMostAHundredSignatures() {
            assertThat(SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(100)).signatures())
                    .hasSize(100);
            assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(101)))
                    .isInstanceOf(MalformedNoteException.class)
                    .hasMessage("Malformed signed note: more than 100 signatures");
        }

        @Test
        void sixteenSignersAreAccepted() {
            List<NoteSigner> signers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                signers.add(NoteSigner.fromSeed("signer" + i, SignatureType.ED25519, seed(i)));
            }
            SignedNote note = SignedNote.parse(SignedNote.sign(TEXT, signers).format());
            assertThat(note.verify(signers.stream().map(NoteSigner::verifierKey).toList())
                            .verified())
                    .hasSize(16);
        }
    }

    static byte[] seed(int value) {
        byte[] seed = new byte[32];
        seed[0] = (byte) value;
        seed[31] = 7;
        return seed;
    }

    /** Every proper substring of the text, and the text with each character incremented once. */
    private static List<String> manglings(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= text.length(); i++) {
            for (int j = i + 1; j <= text.length(); j++) {
                if (i != 0 || j != text.length()) {
                    out.add(text.substring(i, j));
                }
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char[] chars = text.toCharArray();
            chars[i]++;
            out.add(new String(chars));
        }
        return out;
    }
}
