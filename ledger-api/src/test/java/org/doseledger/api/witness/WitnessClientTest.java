package org.doseledger.api.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.doseledger.core.integrity.tlog.AddCheckpointRequest;
import org.doseledger.core.integrity.tlog.Cosignature;
import org.doseledger.core.integrity.tlog.NoteSigner;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.integrity.witness.Witness;
import org.doseledger.core.integrity.witness.WitnessState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's side of the protocol: {@link WitnessClient} against the real witness, and against stand-ins
 * that answer what a broken or hostile witness might.
 */
class WitnessClientTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:30:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path stateDirectory;

    private final WitnessTestLog log = WitnessTestLog.standard();
    private final NoteSigner witnessKey = WitnessTestLog.witnessKey();
    private final WitnessClient client = new WitnessClient();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private WitnessServer witness;

    @BeforeEach
    void startWitness() throws IOException {
        WitnessState state = WitnessState.open(stateDirectory);
        toClose.add(state);
        witness = WitnessServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new Witness(
                        witnessKey, Map.of(log.origin(), log.verifierKey()), state, Clock.fixed(NOW, ZoneOffset.UTC)));
        toClose.add(0, witness);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void aCosignatureComesBackVerifiedAndCompletesTheNote() {
        WitnessReply reply = addCheckpoint(log.request(0, 5));

        assertThat(reply).isInstanceOf(WitnessReply.Cosigned.class);
        WitnessReply.Cosigned cosigned = (WitnessReply.Cosigned) reply;
        assertThat(cosigned.cosignatures()).singleElement().satisfies(cosignature -> {
            assertThat(cosignature.verifies(log.checkpointBody(5), witnessKey.verifierKey()))
                    .isTrue();
            assertThat(cosignature.timestamp()).isEqualTo(NOW.getEpochSecond());
        });
        SignedNote witnessed = log.checkpoint(5).withSignatures(cosigned.noteSignatures());
        assertThat(witnessed.verify(List.of(witnessKey.verifierKey())).cosignatures())
                .isEqualTo(cosigned.cosignatures());
    }

    @Test
    void aStaleOldSizeComesBackAsTheWitnessSizeAndTheRetryFromThereIsCosigned() {
        assertThat(addCheckpoint(log.request(0, 5))).isInstanceOf(WitnessReply.Cosigned.class);

        WitnessReply firstTry = addCheckpoint(log.request(0, 9));

        assertThat(firstTry).isEqualTo(new WitnessReply.SizeConflict(5));
        long witnessSize = ((WitnessReply.SizeConflict) firstTry).witnessSize();
        assertThat(addCheckpoint(log.request(witnessSize, 9))).isInstanceOf(WitnessReply.Cosigned.class);
    }

    @Test
    void refusalsComeBackWithTheirStatusAndReason() {
        assertThat(addCheckpoint(log.request(0, 8))).isInstanceOf(WitnessReply.Cosigned.class);

        assertThat(addCheckpoint(log.forkedAt(2).request(8, 12)))
                .isInstanceOfSatisfying(WitnessReply.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.reason()).contains("consistency proof from size 8 to 12");
                });
        assertThat(addCheckpoint(log.forkedAt(2).request(8, 8)))
                .isInstanceOfSatisfying(
                        WitnessReply.Refused.class,
                        refused -> assertThat(refused.status()).isEqualTo(409));
        assertThat(addCheckpoint(log.signedByAnotherKey().request(8, 12)))
                .isInstanceOfSatisfying(
                        WitnessReply.Refused.class,
                        refused -> assertThat(refused.status()).isEqualTo(403));
        assertThat(addCheckpoint(log.withOrigin("other.test/log").request(0, 3)))
                .isEqualTo(new WitnessReply.Refused(404, "unknown log other.test/log"));
    }

    @Test
    void theSubmissionPrefixMayEndInASlashOrHaveAPath() {
        assertThat(WitnessClient.addCheckpointUri(URI.create("http://127.0.0.1:8091")))
                .isEqualTo(URI.create("http://127.0.0.1:8091/add-checkpoint"));
        assertThat(WitnessClient.addCheckpointUri(URI.create("https://witness.example/w1/")))
                .isEqualTo(URI.create("https://witness.example/w1/add-checkpoint"));
        assertThatThrownBy(() -> WitnessClient.addCheckpointUri(URI.create("witness.example:8091")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(addCheckpoint(URI.create(witness.uri() + "/"), log.request(0, 3)))
                .isInstanceOf(WitnessReply.Cosigned.class);
    }

    @Test
    void aWitnessThatIsNotThereIsAFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        WitnessReply reply = addCheckpoint(URI.create("http://127.0.0.1:" + closedPort), log.request(0, 3));

        assertThat(reply)
                .isInstanceOfSatisfying(
                        WitnessReply.Failed.class,
                        failed -> assertThat(failed.reason())
                                .contains("no answer from http://127.0.0.1:" + closedPort + "/add-checkpoint"));
    }

    @Test
    void aWitnessThatDoesNotAnswerInTimeIsAFailureWhenTheTimeoutIsUp() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            long start = System.nanoTime();

            WitnessReply reply = client.addCheckpoint(
                    URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    witnessKey.verifierKey(),
                    log.request(0, 3),
                    Duration.ofMillis(500));

            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(reply).isInstanceOf(WitnessReply.Failed.class);
            assertThat(((WitnessReply.Failed) reply).reason()).contains("PT0.5S");
            assertThat(waited).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
            silent.close();
            acceptor.join();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aCosignatureThatDoesNotVerifyIsAFailure() throws IOException {
        AddCheckpointRequest request = log.request(0, 3);
        Cosignature genuine = Cosignature.sign(log.checkpointBody(3), witnessKey, NOW.getEpochSecond());
        byte[] signature = genuine.signature();
        signature[0] ^= 1;
        Cosignature tampered = new Cosignature(genuine.cosignerName(), genuine.keyId(), genuine.timestamp(), signature);

        WitnessReply reply = addCheckpoint(
                stub(200, "text/plain", body -> tampered.toNoteSignature().line()), request);

        assertThat(reply)
                .isInstanceOfSatisfying(
                        WitnessReply.Failed.class,
                        failed -> assertThat(failed.reason()).contains("does not verify"));
    }

    @Test
    void aCosignatureOfAnotherCheckpointIsAFailure() throws IOException {
        Cosignature ofAnother = Cosignature.sign(log.checkpointBody(4), witnessKey, NOW.getEpochSecond());

        WitnessReply reply = addCheckpoint(
                stub(200, "text/plain", body -> ofAnother.toNoteSignature().line()), log.request(0, 3));

        assertThat(reply).isInstanceOf(WitnessReply.Failed.class);
    }

    @Test
    void linesOfOtherKeysAreIgnoredButOneOfTheWitnessKeyIsNeeded() throws IOException {
        NoteSigner otherKey = WitnessTestLog.signer("witness.test/other", SignatureType.COSIGNATURE_V1, 43);
        NoteSigner sameNameOtherKey = WitnessTestLog.signer(witnessKey.name(), SignatureType.COSIGNATURE_V1, 44);
        String others = Cosignature.sign(log.checkpointBody(3), otherKey, 1)
                        .toNoteSignature()
                        .line()
                + Cosignature.sign(log.checkpointBody(3), sameNameOtherKey, 1)
                        .toNoteSignature()
                        .line();
        Cosignature genuine = Cosignature.sign(log.checkpointBody(3), witnessKey, 2);

        WitnessReply withIt = addCheckpoint(
                stub(
                        200,
                        "text/plain",
                        body -> others + genuine.toNoteSignature().line()),
                log.request(0, 3));
        WitnessReply withoutIt = addCheckpoint(stub(200, "text/plain", body -> others), log.request(0, 3));

        assertThat(withIt).isEqualTo(new WitnessReply.Cosigned(List.of(genuine)));
        assertThat(withoutIt)
                .isInstanceOfSatisfying(
                        WitnessReply.Failed.class,
                        failed -> assertThat(failed.reason())
                                .contains("has no cosignature by " + witnessKey.verifierKey()));
    }

    @Test
    void malformedAnswersAreFailures() throws IOException {
        assertThat(addCheckpoint(stub(200, "text/plain", body -> "cosigned!\n"), log.request(0, 3)))
                .isInstanceOf(WitnessReply.Failed.class);
        assertThat(addCheckpoint(
                        stub(409, AddCheckpointRequest.CONFLICT_CONTENT_TYPE, body -> "five\n"), log.request(0, 3)))
                .isInstanceOf(WitnessReply.Failed.class);
        assertThat(addCheckpoint(
                        stub(200, "text/plain", body -> "x".repeat(WitnessClient.MAX_RESPONSE_BYTES + 1)),
                        log.request(0, 3)))
                .isInstanceOfSatisfying(
                        WitnessReply.Failed.class,
                        failed -> assertThat(failed.reason())
                                .contains("above " + WitnessClient.MAX_RESPONSE_BYTES + " bytes"));
    }

    @Test
    void theRequestIsTheSpecificationsBody() throws IOException {
        List<String> received = new ArrayList<>();
        AddCheckpointRequest request = log.request(0, 3);

        addCheckpoint(
                stub(409, AddCheckpointRequest.CONFLICT_CONTENT_TYPE, body -> {
                    received.add(body);
                    return "0\n";
                }),
                request);

        assertThat(received).containsExactly(request.format());
    }

    private WitnessReply addCheckpoint(AddCheckpointRequest request) {
        return addCheckpoint(witness.uri(), request);
    }

    private WitnessReply addCheckpoint(URI uri, AddCheckpointRequest request) {
        return client.addCheckpoint(uri, witnessKey.verifierKey(), request, TIMEOUT);
    }

    /** A witness stand-in that answers every add-checkpoint with the status, type and body given. */
    private URI stub(int status, String contentType, Function<String, String> answer) throws IOException {
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext(WitnessServer.ADD_CHECKPOINT_PATH, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] bytes = answer.apply(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        toClose.add(0, () -> stub.stop(0));
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
    }
}
