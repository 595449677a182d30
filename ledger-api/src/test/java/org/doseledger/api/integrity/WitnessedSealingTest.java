package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.core.integrity.VerificationReport;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.integrity.tlog.VerifierKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A witness in a process of its own (the same jar, {@code witness} mode) cosigns each tree checkpoint the
 * sealer signs. A database superuser who also destroys the sealer's own record, and so gets the sealer to
 * sign a fresh tree of a truncated or rewritten history, still gets no cosignature: the witness refuses
 * anything that does not extend what it cosigned, and verification against the checkpoint the witness
 * holds finds the truncation or the rewrite.
 */
class WitnessedSealingTest {

    private static final String ORIGIN = "springfield.example/ledger";

    /** The service's connection (on an external server, the deployment's non-superuser role). */
    JdbcTemplate jdbc;

    /** The attacker's: a PostgreSQL superuser. */
    JdbcTemplate attacker;

    Path dataDir;
    Path witnessDir;
    IntegrityProperties integrity;
    SigningKeys keys;
    CheckpointSealer sealer;
    Process witness;

    /** The embedded server; {@link WitnessedSealingOnExternalPostgresTest} runs the same on an external one. */
    AttackedDatabase newDatabase() {
        return AttackedDatabase.embedded();
    }

    @BeforeEach
    void aLedgerWithAWitness() throws Exception {
        AttackedDatabase attacked = newDatabase();
        javax.sql.DataSource database = attacked.service();
        jdbc = attacked.serviceJdbc();
        attacker = attacked.superuserJdbc();
        dataDir = Files.createTempDirectory("ledger-witnessed");
        witnessDir = Files.createTempDirectory("witness");
        LedgerProperties ledger = new LedgerProperties(
                dataDir, null, Duration.ofSeconds(5), null, Duration.ofHours(1), Duration.ofMinutes(1), 100, 500);
        integrity = new IntegrityProperties(
                null, null, null, true, Duration.ofMinutes(1), Duration.ZERO, ORIGIN, null, Duration.ofMinutes(15));
        keys = new SigningKeys(integrity, ledger);
        int port = freePort();
        Path log = witnessDir.resolve("witness.log");
        witness = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DoseLedgerApplication.class.getName(),
                        "witness",
                        "--key",
                        witnessDir.resolve("witness.key").toString(),
                        "--name",
                        "auditor.example",
                        "--state",
                        witnessDir.resolve("state").toString(),
                        "--log",
                        ORIGIN + "=" + keys.noteSigner(ORIGIN).verifierKey().encoded(),
                        "--listen",
                        "127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(60))
                .failFast("the witness exited; see " + log, () -> !witness.isAlive())
                .until(() -> Files.readString(log).contains("witness listening on"));
        String witnessKey = Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("witness vkey: "))
                .map(line -> line.substring("witness vkey: ".length()))
                .findFirst()
                .orElseThrow();
        Witnessing witnessing = new Witnessing(
                jdbc,
                new WitnessingProperties(
                        List.of(new WitnessingProperties.Witness(URI.create("http://127.0.0.1:" + port), witnessKey)),
                        0,
                        Duration.ofSeconds(5)),
                Clock.systemUTC());
        sealer = new CheckpointSealer(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                keys,
                integrity,
                Clock.systemUTC(),
                new SimpleMeterRegistry(),
                witnessing);
        for (int i = 0; i < 5; i++) {
            append("lot:a", i);
            append("client:c", i);
        }
        sealer.seal();
        append("lot:a", 5);
        sealer.seal();
        this.witnessKey = VerifierKey.parse(witnessKey);
    }

    VerifierKey witnessKey;

    @AfterEach
    void stopTheWitness() throws InterruptedException {
        witness.destroy();
        witness.waitFor();
    }

    @Test
    void everyCheckpointIsCosignedAndTheCosignatureVerifiesWithTheWitnessKey() {
        assertThat(jdbc.queryForList("select tree_size from ledger_tree_cosignature order by 1", Long.class))
                .containsExactly(10L, 11L);
        String note = Witnessing.withCosignatures(
                jdbc,
                11,
                jdbc.queryForObject("select note from ledger_tree_checkpoint where tree_size = 11", String.class));
        SignedNote signed = SignedNote.parse(note);
        assertThat(signed.verify(List.of(witnessKey, keys.noteSigner(ORIGIN).verifierKey()))
                        .cosignatures())
                .hasSize(1);
        assertThat(witnessHeld().size()).isEqualTo(11);
    }

    @Test
    void aTruncatedHistoryResignedFromScratchIsRefusedByTheWitnessAndFoundAgainstItsCheckpoint() throws Exception {
        forgetEverythingAndCutTheTail();

        sealer.seal();

        assertThat(jdbc.queryForList("select tree_size from ledger_tree_checkpoint", Long.class))
                .as("the sealer, its record gone, signed a fresh tree of what is left")
                .containsExactly(10L);
        assertThat(jdbc.queryForList("select tree_size from ledger_tree_cosignature", Long.class))
                .as("but the witness cosigned nothing")
                .isEmpty();
        assertThat(witnessHeld().size()).isEqualTo(11);
        VerificationReport report = verifyAgainst(witnessHeld());
        assertThat(report.completenessOk()).isFalse();
        assertThat(report.completenessFailure().code()).isEqualTo("TRUNCATED_BELOW_HELD_CHECKPOINT");
    }

    @Test
    void aRewrittenHistoryResignedFromScratchIsRefusedByTheWitnessAndFoundAgainstItsCheckpoint() throws Exception {
        Files.delete(dataDir.resolve("keys/sealer-checkpoint"));
        superuser("""
                delete from ledger_tree_cosignature; delete from ledger_tree_checkpoint; delete from ledger_tree_node;
                delete from ledger_checkpoint; delete from ledger_chain;
                update domain_event_entry set payload = convert_to('{"quantity":0.1}', 'UTF8') where global_index = 11;
                update domain_event_entry set event_hash = ledger_event_hash(global_index, event_identifier,
                    aggregate_identifier, sequence_number, type, payload_type, payload_revision, time_stamp, payload,
                    meta_data, previous_hash) where global_index = 11
                """);

        sealer.seal();

        assertThat(jdbc.queryForList("select tree_size from ledger_tree_checkpoint", Long.class))
                .containsExactly(11L);
        assertThat(jdbc.queryForList("select tree_size from ledger_tree_cosignature", Long.class))
                .isEmpty();
        VerificationReport report = verifyAgainst(witnessHeld());
        assertThat(report.completenessOk()).isFalse();
        assertThat(report.completenessFailure().code()).isEqualTo("HISTORY_REWRITTEN");
        assertThat(report.completenessFailure().position()).isEqualTo(11);
    }

    private void forgetEverythingAndCutTheTail() throws IOException {
        Files.delete(dataDir.resolve("keys/sealer-checkpoint"));
        superuser("""
                delete from ledger_tree_cosignature; delete from ledger_tree_checkpoint; delete from ledger_tree_node;
                delete from ledger_checkpoint; delete from ledger_chain;
                delete from domain_event_entry where global_index = 11
                """);
    }

    /** The checkpoint the witness holds, as a regulator running it reads it from its state directory. */
    private Checkpoint witnessHeld() {
        try (var files = Files.list(witnessDir.resolve("state"))) {
            Path state = files.filter(file -> file.toString().endsWith(".checkpoint"))
                    .findFirst()
                    .orElseThrow();
            return Checkpoint.fromNote(SignedNote.parse(Files.readAllBytes(state)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private VerificationReport verifyAgainst(Checkpoint held) {
        return LedgerVerification.verify(
                jdbc,
                keys,
                new org.doseledger.core.integrity.TreeEvidence(
                        jdbc.queryForList("select note from ledger_tree_checkpoint order by tree_size", String.class),
                        LedgerVerification.logKeys(keys.pinned(), ORIGIN),
                        Optional.of(held),
                        Instant.parse("2026-11-20T15:31:00Z"),
                        Duration.ofMinutes(15)));
    }

    private void superuser(String sql) {
        attacker.execute("set session_replication_role = replica; " + sql);
    }

    private void append(String stream, long sequence) {
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, ?, 'StockLot', ?, convert_to('{"credentialId":"key-1"}', 'UTF8'),
                        convert_to(?, 'UTF8'), '1', 'org.doseledger.core.stock.api.DoseDrawnEvent',
                        '2026-11-20T15:30:00Z')
                """, stream, sequence, stream + "-" + sequence, "{\"quantity\":" + (sequence + 1) + "}");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
