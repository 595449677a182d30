package org.doseledger.api.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.doseledger.core.integrity.tlog.NoteSigner;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.VerifierKey;
import org.doseledger.core.integrity.witness.WitnessKeyException;
import org.doseledger.core.integrity.witness.WitnessKeyFile;
import org.doseledger.core.integrity.witness.WitnessState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The witness as an operator runs it: its command line, its key file, and the command in a JVM of its own
 * that a log then talks to.
 */
class WitnessCommandTest {

    @TempDir
    Path directory;

    private final WitnessTestLog log = WitnessTestLog.standard();

    @Test
    void theWitnessRunsInAProcessOfItsOwnMakesItsKeyAndCosigns() throws Exception {
        Path keyFile = directory.resolve("keys").resolve("witness.key");
        Path state = directory.resolve("state");
        Path stderr = directory.resolve("witness.log");
        long started = System.nanoTime();
        Process witness = startWitness(stderr, "--name", "witness.test/auditor", "--key", keyFile.toString());
        try {
            List<String> announced = firstLines(witness, 2);
            Duration startup = Duration.ofNanos(System.nanoTime() - started);

            assertThat(announced.get(0)).startsWith("witness vkey: ");
            VerifierKey witnessKey = VerifierKey.parse(announced.get(0).substring("witness vkey: ".length()));
            assertThat(witnessKey.name()).isEqualTo("witness.test/auditor");
            assertThat(witnessKey.type()).isEqualTo(SignatureType.COSIGNATURE_V1);
            assertThat(announced.get(1)).startsWith("witness listening on http://127.0.0.1:");
            // a JVM start included; the witness itself takes a fraction of that
            assertThat(startup).isLessThan(Duration.ofSeconds(20));
            assertThat(NoteSigner.parse(Files.readString(keyFile).strip()).verifierKey())
                    .isEqualTo(witnessKey);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                    .isEqualTo("rwx------");

            URI submissionPrefix = URI.create(announced
                    .get(1)
                    .substring(
                            "witness listening on ".length(),
                            announced.get(1).indexOf(WitnessServer.ADD_CHECKPOINT_PATH)));
            WitnessClient client = new WitnessClient();
            WitnessReply first =
                    client.addCheckpoint(submissionPrefix, witnessKey, log.request(0, 6), Duration.ofSeconds(10));
            WitnessReply truncated =
                    client.addCheckpoint(submissionPrefix, witnessKey, log.request(4, 4), Duration.ofSeconds(10));

            assertThat(first)
                    .isInstanceOfSatisfying(
                            WitnessReply.Cosigned.class,
                            cosigned -> assertThat(
                                            cosigned.cosignatures().get(0).verifies(log.checkpointBody(6), witnessKey))
                                    .isTrue());
            assertThat(truncated).isEqualTo(new WitnessReply.SizeConflict(6));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(Files.readAllLines(stderr))
                            .anyMatch(line ->
                                    line.endsWith("INFO checkpoint cosigned: origin=ledger.test/practice-1 old=0 new=6"
                                            + " held=0 at "
                                            + ((WitnessReply.Cosigned) first)
                                                    .cosignatures()
                                                    .get(0)
                                                    .timestamp()))
                            .anyMatch(line -> line.contains(
                                    "checkpoint refused 409: origin=ledger.test/practice-1 old=4 new=4" + " held=6")));
            assertThat(state.resolve(WitnessState.fileName(log.origin()))).exists();
            assertThat(org.doseledger.api.support.FileModes.openToOthers(state, directory -> false))
                    .as("the witness's state and lock files")
                    .isEmpty();
        } finally {
            witness.destroy();
            assertThat(witness.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        Process again = startWitness(directory.resolve("again.log"), "--key", keyFile.toString());
        try {
            List<String> announcedAgain = firstLines(again, 1);
            assertThat(announcedAgain.get(0))
                    .isEqualTo("witness vkey: "
                            + NoteSigner.parse(Files.readString(keyFile).strip())
                                    .verifierKey()
                                    .encoded());
        } finally {
            again.destroy();
            assertThat(again.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theCommandLineNamesTheAddressTheKeyTheStateAndEachLogWithItsKey() {
        WitnessCommand.Options options = WitnessCommand.parse(new String[] {
            "--listen", "127.0.0.1:9000",
            "--key", "w.key",
            "--name", "witness.test/w1",
            "--log", log.origin() + "=" + log.verifierKey().encoded(),
            "--log",
                    "other.test/log="
                            + log.withOrigin("other.test/log").verifierKey().encoded(),
            "--state", "state"
        });

        assertThat(options.listen().getPort()).isEqualTo(9000);
        assertThat(options.listen().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(options.keyFile()).isEqualTo(Path.of("w.key"));
        assertThat(options.name()).isEqualTo("witness.test/w1");
        assertThat(options.state()).isEqualTo(Path.of("state"));
        assertThat(options.logs())
                .containsEntry(log.origin(), log.verifierKey())
                .hasSize(2);
        assertThat(WitnessCommand.address("[::1]:8091").getAddress().getHostAddress())
                .isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void wrongCommandLinesExitWithTwoAndOneLineThatSaysWhy() {
        String logArg = log.origin() + "=" + log.verifierKey().encoded();
        assertThat(runExpectingError(2, "--key", "k", "--state", "s"))
                .isEqualTo("witness: --key, --state and at least one --log are needed");
        assertThat(runExpectingError(2, "--key", "k", "--state", "s", "--log", logArg, "--verbose"))
                .isEqualTo("witness: unknown argument: --verbose");
        assertThat(runExpectingError(2, "--key", "--state", "s", "--log", logArg))
                .isEqualTo("witness: --key needs a value");
        assertThat(runExpectingError(2, "--key", "k", "--state", "s", "--log", logArg, "--listen", "8091"))
                .isEqualTo("witness: --listen is <host>:<port>, e.g. 127.0.0.1:8091: 8091");
        assertThat(runExpectingError(2, "--key", "k", "--state", "s", "--log", logArg, "--listen", "127.0.0.1:80000"))
                .isEqualTo("witness: the port of --listen is 0 to 65535: 127.0.0.1:80000");
        assertThat(runExpectingError(2, "--key", "k", "--state", "s", "--log", log.origin()))
                .isEqualTo("witness: --log is <origin>=<log vkey>: " + log.origin());
        assertThat(runExpectingError(2, "--key", "k", "--state", "s", "--log", log.origin() + "=not-a-key"))
                .startsWith("witness: the vkey of --log " + log.origin() + " is not valid: ");
        assertThat(runExpectingError(2, "--key", "k", "--state", "s", "--log", logArg, "--log", logArg))
                .isEqualTo("witness: --log " + log.origin() + " is given twice");
        String witnessVkey = WitnessTestLog.witnessKey().verifierKey().encoded();
        assertThat(runExpectingError(2, "--key", "k", "--state", "s", "--log", log.origin() + "=" + witnessVkey))
                .contains("a log signs with Ed25519 (type 0x01)");
        assertThat(runExpectingError(2, "--key", "k", "--state", "s", "--log", logArg, "--name", "a witness"))
                .isEqualTo("witness: --name must be non-empty, without spaces or '+': a witness");
    }

    @Test
    void aMissingKeyFileWithoutANameOrAKeyOfTheWrongKindStopsTheStart() throws IOException {
        String logArg = log.origin() + "=" + log.verifierKey().encoded();
        Path missing = directory.resolve("missing.key");
        Path logKeyFile = directory.resolve("log.key");
        Files.writeString(
                logKeyFile,
                WitnessTestLog.signer("log", SignatureType.ED25519, 5).encoded() + "\n");
        Path state = directory.resolve("state");

        assertThat(runExpectingError(1, "--key", missing.toString(), "--state", state.toString(), "--log", logArg))
                .startsWith(
                        "witness: cannot start: The key file " + missing + " does not exist; give the witness's name");
        assertThat(missing).doesNotExist();
        assertThat(runExpectingError(1, "--key", logKeyFile.toString(), "--state", state.toString(), "--log", logArg))
                .contains("is a ED25519 key; a witness cosigns with a cosignature/v1 key (type 0x04)");
    }

    @Test
    void anExistingKeyFileIsReadNotReplaced() throws IOException {
        Path file = directory.resolve("w.key");
        WitnessKeyFile.Loaded made = WitnessKeyFile.loadOrCreate(file, "witness.test/w1");
        WitnessKeyFile.Loaded read = WitnessKeyFile.loadOrCreate(file, null);

        assertThat(made.created()).isTrue();
        assertThat(read.created()).isFalse();
        assertThat(read.key().verifierKey()).isEqualTo(made.key().verifierKey());
        assertThat(WitnessKeyFile.readableByOthers(file)).isFalse();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(WitnessKeyFile.readableByOthers(file)).isTrue();
        assertThatThrownBy(() -> WitnessKeyFile.loadOrCreate(file, "witness.test/w2"))
                .isInstanceOf(WitnessKeyException.class)
                .hasMessageContaining("is named witness.test/w1, not witness.test/w2");
    }

    private String runExpectingError(int exitCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WitnessCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(exitCode);
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    private Process startWitness(Path stderr, String... keyArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                WitnessCommand.class.getName(),
                "--listen",
                "127.0.0.1:0",
                "--state",
                directory.resolve("state").toString(),
                "--log",
                log.origin() + "=" + log.verifierKey().encoded()));
        command.addAll(List.of(keyArgs));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    /** The first lines the process prints, waiting at most 30 s for them. */
    private static List<String> firstLines(Process process, int count) throws Exception {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
                    List<String> lines = new ArrayList<>();
                    try {
                        String line;
                        while (lines.size() < count && (line = out.readLine()) != null) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return lines;
                })
                .get(30, TimeUnit.SECONDS);
    }
}
