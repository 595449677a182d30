package org.doseledger.api.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.doseledger.core.integrity.tlog.AddCheckpointRequest;
import org.doseledger.core.integrity.tlog.Cosignature;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.NoteSignature;
import org.doseledger.core.integrity.tlog.NoteSigner;
import org.doseledger.core.integrity.tlog.NoteVerification;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.integrity.witness.Witness;
import org.doseledger.core.integrity.witness.WitnessState;
import org.doseledger.core.integrity.witness.WitnessStateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The witness over HTTP, in this JVM on a free port, against a real log: what it cosigns, what it refuses
 * with which status of c2sp.org/tlog-witness, and that a refusal stores nothing, also across a restart.
 */
class WitnessServerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:30:00Z");
    private static final String SIZE_TYPE = AddCheckpointRequest.CONFLICT_CONTENT_TYPE;

    @TempDir
    Path stateDirectory;

    private final WitnessTestLog log = WitnessTestLog.standard();
    private final NoteSigner witnessKey = WitnessTestLog.witnessKey();
    private final RecordingLogger events = new RecordingLogger();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private WitnessState state;
    private WitnessServer server;

    @BeforeEach
    void startWitness() throws IOException {
        state = WitnessState.open(stateDirectory);
        Witness witness = new Witness(
                witnessKey, Map.of(log.origin(), log.verifierKey()), state, Clock.fixed(NOW, ZoneOffset.UTC), events);
        server = WitnessServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), witness);
    }

    @AfterEach
    void stopWitness() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        if (state != null) {
            state.close();
            state = null;
        }
    }

    @Test
    void aFirstCheckpointIsCosignedAndTheCosignatureVerifiesWithTheWitnessKey() throws Exception {
        HttpResponse<String> response = post(log.body(0, 5));

        assertThat(response.statusCode()).isEqualTo(200);
        Cosignature cosignature = onlyCosignature(response);
        assertThat(cosignature.verifies(log.checkpointBody(5), witnessKey.verifierKey()))
                .isTrue();
        assertThat(cosignature.timestamp()).isEqualTo(NOW.getEpochSecond());
        SignedNote cosigned = log.checkpoint(5).withSignatures(NoteSignature.parseLines(response.body()));
        NoteVerification verification = cosigned.verify(List.of(log.verifierKey(), witnessKey.verifierKey()));
        assertThat(verification.verifiedKeys()).containsExactly(log.verifierKey(), witnessKey.verifierKey());
        assertThat(state.latest(log.origin())).contains(log.checkpointBody(5));
    }

    @Test
    void anExtensionWithAValidConsistencyProofIsCosigned() throws Exception {
        assertThat(post(log.body(0, 5)).statusCode()).isEqualTo(200);

        HttpResponse<String> response = post(log.body(5, 13));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(onlyCosignature(response).verifies(log.checkpointBody(13), witnessKey.verifierKey()))
                .isTrue();
        assertThat(state.latest(log.origin())).contains(log.checkpointBody(13));
    }

    @Test
    void theCheckpointItHoldsIsCosignedAgain() throws Exception {
        assertThat(post(log.body(0, 5)).statusCode()).isEqualTo(200);

        assertThat(post(log.body(5, 5)).statusCode()).isEqualTo(200);
    }

    @Test
    void aTruncatedLogIsRefusedAndNothingIsStored() throws Exception {
        assertThat(post(log.body(0, 8)).statusCode()).isEqualTo(200);
        byte[] stored = storedFile();

        HttpResponse<String> fromTheHeldSize = post(new AddCheckpointRequest(8, List.of(), log.checkpoint(5)));
        HttpResponse<String> fromItsOwnSize = post(log.body(5, 5));

        assertThat(fromTheHeldSize.statusCode()).isEqualTo(400);
        assertThat(fromTheHeldSize.body()).contains("old size 8 is larger than the checkpoint's size 5");
        assertThat(fromItsOwnSize.statusCode()).isEqualTo(409);
        assertThat(fromItsOwnSize.headers().firstValue("Content-Type")).contains(SIZE_TYPE);
        assertThat(fromItsOwnSize.body()).isEqualTo("8\n");
        assertThat(storedFile()).isEqualTo(stored);
        assertThat(state.latest(log.origin())).contains(log.checkpointBody(8));
    }

    @Test
    void anotherRootForTheSameSizeIsAConflictKeptAsEvidence() throws Exception {
        assertThat(post(log.body(0, 8)).statusCode()).isEqualTo(200);
        byte[] stored = storedFile();
        WitnessTestLog rewritten = log.forkedAt(3);

        HttpResponse<String> response = post(rewritten.body(8, 8));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("another root for size 8");
        assertThat(storedFile()).isEqualTo(stored);
        try (Stream<Path> evidence = Files.list(stateDirectory.resolve(WitnessState.EVIDENCE_DIRECTORY))) {
            assertThat(evidence.map(WitnessServerTest::read))
                    .containsExactly(rewritten.checkpoint(8).format());
        }
    }

    @Test
    void aBiggerTreeWhosePrefixWasRewrittenIsRefused() throws Exception {
        assertThat(post(log.body(0, 8)).statusCode()).isEqualTo(200);
        byte[] stored = storedFile();

        HttpResponse<String> response = post(log.forkedAt(3).body(8, 13));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("consistency proof from size 8 to 13");
        assertThat(storedFile()).isEqualTo(stored);
    }

    @Test
    void aNonEmptyProofFromNothingIsRefused() throws Exception {
        HttpResponse<String> response =
                post(new AddCheckpointRequest(0, List.of(MerkleTree.emptyRoot()), log.checkpoint(5)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(state.latest(log.origin())).isEmpty();
        assertThat(Files.exists(stateFile())).isFalse();
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        HttpResponse<String> response = post(log.signedByAnotherKey().body(0, 5));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("no signature by a known key");
        assertThat(Files.exists(stateFile())).isFalse();
    }

    @Test
    void anUnknownLogIsRefused() throws Exception {
        HttpResponse<String> response = post(log.withOrigin("other.test/log").body(0, 5));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("unknown log other.test/log\n");
        assertThat(state.latest("other.test/log")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "old 5\n",
                "old 05\n\n",
                "new 5\n\nledger.test/practice-1\n5\n",
                "old 0\n\nledger.test/practice-1\nfive\nAAAA\n\n\u2014 x AAAAAAAA\n",
                "\u0000\u0001\u0002"
            })
    void aMalformedBodyIsRefused(String body) throws Exception {
        HttpResponse<String> response = post(body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("Malformed add-checkpoint request");
        assertThat(Files.exists(stateFile())).isFalse();
    }

    @Test
    void aCheckpointSignedWithAnOldSizeAboveItsOwnIsRefused() throws Exception {
        HttpResponse<String> response = post(new AddCheckpointRequest(9, List.of(), log.checkpoint(5)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Files.exists(stateFile())).isFalse();
    }

    @Test
    void aStaleOldSizeIsAnsweredWithTheSizeTheWitnessHolds() throws Exception {
        assertThat(post(log.body(0, 5)).statusCode()).isEqualTo(200);
        byte[] stored = storedFile();

        HttpResponse<String> stale = post(log.body(3, 8));
        HttpResponse<String> fromNothing = post(log.body(0, 8));

        for (HttpResponse<String> response : List.of(stale, fromNothing)) {
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type")).contains(SIZE_TYPE);
            assertThat(response.body()).isEqualTo("5\n");
        }
        assertThat(storedFile()).isEqualTo(stored);
        assertThat(post(log.body(5, 8)).statusCode()).isEqualTo(200);
    }

    @Test
    void whatItCosignedSurvivesARestart() throws Exception {
        assertThat(post(log.body(0, 8)).statusCode()).isEqualTo(200);

        stopWitness();
        startWitness();

        assertThat(post(new AddCheckpointRequest(8, List.of(), log.checkpoint(5)))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> truncated = post(log.body(5, 5));
        assertThat(truncated.statusCode()).isEqualTo(409);
        assertThat(truncated.body()).isEqualTo("8\n");
        assertThat(post(log.forkedAt(2).body(8, 13)).statusCode()).isEqualTo(422);
        assertThat(post(log.body(8, 13)).statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentRequestsForOneLogCannotRollItBack() throws Exception {
        assertThat(post(log.body(0, 4)).statusCode()).isEqualTo(200);
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                byte[] body = log.body(4, 5 + i);
                responses.add(pool.submit(() -> {
                    go.await();
                    return post(body);
                }));
            }
            go.countDown();
            List<Integer> cosigned = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                HttpResponse<String> response = responses.get(i).get();
                if (response.statusCode() == 200) {
                    cosigned.add(5 + i);
                } else {
                    assertThat(response.statusCode()).isEqualTo(409);
                    conflicts.add(response.body());
                }
            }
            assertThat(cosigned).hasSize(1);
            assertThat(conflicts).hasSize(requests - 1).containsOnly(cosigned.get(0) + "\n");
            assertThat(state.latest(log.origin())).contains(log.checkpointBody(cosigned.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachCheckpointAcceptedOrRefusedIsLoggedInOneLine() throws Exception {
        post(log.body(0, 5));
        post(log.forkedAt(1).body(5, 8));
        post(log.body(2, 8));

        assertThat(events.lines)
                .containsExactly(
                        "INFO checkpoint cosigned: origin=ledger.test/practice-1 old=0 new=5 held=0 at "
                                + NOW.getEpochSecond(),
                        "WARNING checkpoint refused 422: origin=ledger.test/practice-1 old=5 new=8 held=5: the"
                                + " consistency proof from size 5 to 8 (4 hashes) does not verify against the"
                                + " checkpoint cosigned last",
                        "INFO checkpoint refused 409: origin=ledger.test/practice-1 old=2 new=8 held=5: the old size"
                                + " is not the size cosigned last");
    }

    @Test
    void tooLargeBodiesOtherMethodsAndOtherPathsAreRefused() throws Exception {
        HttpResponse<String> tooLarge = post(new byte[WitnessServer.MAX_BODY_BYTES + 1]);
        HttpResponse<String> get =
                http.send(HttpRequest.newBuilder(addCheckpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> elsewhere = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/witness/v0/logs"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(log.body(0, 5)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(Files.exists(stateFile())).isFalse();
    }

    @Test
    void aSecondWitnessCannotOpenTheSameState() {
        assertThatThrownBy(() -> WitnessState.open(stateDirectory))
                .isInstanceOf(WitnessStateException.class)
                .hasMessageContaining("is in use by another witness");
    }

    @Test
    void anUnreadableStateFileStopsTheStartInsteadOfForgetting() throws Exception {
        assertThat(post(log.body(0, 5)).statusCode()).isEqualTo(200);
        stopWitness();
        Files.writeString(stateFile(), "ledger.test/practice-1\n5\n");

        assertThatThrownBy(() -> WitnessState.open(stateDirectory))
                .isInstanceOf(WitnessStateException.class)
                .hasMessageContaining(stateFile().toString())
                .hasMessageContaining("is not a signed checkpoint");
    }

    @Test
    void aWriteCutShortByACrashLeavesTheCheckpointBefore() throws Exception {
        assertThat(post(log.body(0, 5)).statusCode()).isEqualTo(200);
        stopWitness();
        Path leftover = stateDirectory.resolve(WitnessState.fileName(log.origin()) + ".tmp");
        Files.writeString(leftover, "ledger.test/practice-1\n9\n");

        startWitness();

        assertThat(leftover).doesNotExist();
        assertThat(state.latest(log.origin())).contains(log.checkpointBody(5));
    }

    private HttpResponse<String> post(AddCheckpointRequest request) throws IOException, InterruptedException {
        return post(request.toBytes());
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(addCheckpoint())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI addCheckpoint() {
        return server.uri().resolve(WitnessServer.ADD_CHECKPOINT_PATH);
    }

    private static Cosignature onlyCosignature(HttpResponse<String> response) {
        List<NoteSignature> lines = NoteSignature.parseLines(response.body());
        assertThat(lines).hasSize(1);
        return Cosignature.fromNoteSignature(lines.get(0));
    }

    private Path stateFile() {
        return stateDirectory.resolve(WitnessState.fileName(log.origin()));
    }

    private byte[] storedFile() throws IOException {
        return Files.readAllBytes(stateFile());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Keeps what the witness logs, level and message. */
    static final class RecordingLogger implements System.Logger {

        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "witness-test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(level + " " + message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " "
                    + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
        }
    }
}
