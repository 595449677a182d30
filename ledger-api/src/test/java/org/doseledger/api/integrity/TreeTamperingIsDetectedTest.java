package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.core.integrity.VerificationReport;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database superuser who rewrites sealed history and wants the service to sign it. The sealed events
 * form a Merkle tree whose signed checkpoints the sealer also remembers outside the database: it refuses
 * to sign a tree that does not extend what it signed (checkpoints deleted, the tail cut off, the tree
 * rebuilt), and verification against that record fails, so the forged history never gets a genuine
 * signature.
 */
class TreeTamperingIsDetectedTest {

    /** The service's connection. */
    JdbcTemplate jdbc;
    /** The attacker's: a PostgreSQL superuser. */
    JdbcTemplate attacker;

    Path dataDir;
    IntegrityProperties integrity;
    SigningKeys keys;
    CheckpointSealer sealer;

    /** Where the suite runs: the embedded server; {@link TreeTamperingIsDetectedOnExternalPostgresTest} another. */
    AttackedDatabase newDatabase() {
        return AttackedDatabase.embedded();
    }

    @BeforeEach
    void aSealedLedger() throws Exception {
        AttackedDatabase database = newDatabase();
        jdbc = database.serviceJdbc();
        attacker = database.superuserJdbc();
        dataDir = Files.createTempDirectory("ledger-tree");
        LedgerProperties ledger = new LedgerProperties(
                dataDir, null, Duration.ofSeconds(5), null, Duration.ofHours(1), Duration.ofMinutes(1), 100, 500);
        integrity = new IntegrityProperties(
                null,
                null,
                null,
                true,
                Duration.ofMinutes(1),
                Duration.ZERO,
                "springfield.example/ledger",
                null,
                Duration.ofMinutes(15));
        keys = new SigningKeys(integrity, ledger);
        sealer = new CheckpointSealer(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(database.service())),
                keys,
                integrity,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        for (int i = 0; i < 6; i++) {
            append("lot:a", i);
            append("client:c", i);
        }
        assertThat(sealer.seal()).isPresent();
        append("lot:a", 6);
        assertThat(sealer.seal()).isPresent();
    }

    @Test
    void aGenuineLedgerExtendsTheSealersOwnCheckpointAndPasses() {
        Checkpoint signed = sealer.lastSigned().orElseThrow();

        assertThat(signed.size()).isEqualTo(13);
        assertThat(signed.origin()).isEqualTo("springfield.example/ledger");
        assertThat(MerkleTree.rootHash(LedgerTree.current(jdbc), 13)).isEqualTo(signed.rootHash());
        assertThat(jdbc.queryForList("select tree_size from ledger_tree_checkpoint order by 1", Long.class))
                .containsExactly(12L, 13L);
        VerificationReport report = verify();
        assertThat(report.ok()).as(String.valueOf(report)).isTrue();
    }

    @Test
    void theSealerRefusesToSignAForgedHistoryWhoseCheckpointsWereDeleted() {
        superuser("""
                delete from ledger_tree_checkpoint; delete from ledger_tree_node; delete from ledger_checkpoint;
                delete from ledger_chain;
                update domain_event_entry set payload = convert_to('{"quantity":0.1}', 'UTF8') where global_index = 13;
                update domain_event_entry set event_hash = ledger_event_hash(global_index, event_identifier,
                    aggregate_identifier, sequence_number, type, payload_type, payload_revision, time_stamp, payload,
                    meta_data, previous_hash) where global_index = 13
                """);

        assertThatThrownBy(sealer::seal)
                .isInstanceOf(SealingRefusedException.class)
                .satisfies(refused ->
                        assertThat(((SealingRefusedException) refused).code()).isEqualTo("TREE_TRUNCATED"));
        assertThat(count("ledger_tree_checkpoint")).as("nothing signed").isZero();
        assertThat(count("ledger_checkpoint")).isZero();
        VerificationReport report = verify();
        assertThat(report.completenessOk()).isFalse();
        assertThat(report.completenessFailure().code()).isEqualTo("NOTHING_SEALED");
    }

    @Test
    void aTruncatedTailIsRefusedBySealerAndFoundByVerification() {
        superuser("""
                delete from domain_event_entry where global_index = 13;
                delete from ledger_chain where global_index = 13;
                delete from ledger_checkpoint where checkpoint_number = 2;
                delete from ledger_tree_checkpoint where tree_size = 13;
                delete from ledger_tree_node where (node_index + 1) * (1 << level) > 12
                """);

        assertThatThrownBy(sealer::seal)
                .isInstanceOf(SealingRefusedException.class)
                .hasMessageContaining("TREE_TRUNCATED");
        VerificationReport report = verify();
        assertThat(report.completenessOk()).isFalse();
        assertThat(report.completenessFailure().code()).isEqualTo("TRUNCATED_BELOW_HELD_CHECKPOINT");
    }

    @Test
    void aRebuiltTreeIsRefusedAsRewrittenHistory() {
        superuser("update ledger_tree_node set hash = sha256(hash) where level = 3 and node_index = 0");

        assertThatThrownBy(sealer::seal)
                .isInstanceOf(SealingRefusedException.class)
                .hasMessageContaining("HISTORY_REWRITTEN");
        assertThat(count("ledger_tree_checkpoint")).isEqualTo(2);
    }

    @Test
    void anEventRewrittenWithItsHashAndTreeLeafRecomputedFailsTheSignedRoot() {
        superuser("""
                update domain_event_entry set payload = convert_to('{"quantity":0.1}', 'UTF8') where global_index = 13;
                update domain_event_entry set event_hash = ledger_event_hash(global_index, event_identifier,
                    aggregate_identifier, sequence_number, type, payload_type, payload_revision, time_stamp, payload,
                    meta_data, previous_hash) where global_index = 13;
                update ledger_chain c set event_hash = e.event_hash,
                    leaf_hash = sha256('\\x00'::bytea || convert_to('DOSE-LEDGER-LEAF/1', 'UTF8')
                                       || int8send(c.global_index) || e.event_hash)
                from domain_event_entry e where e.global_index = c.global_index and c.global_index = 13
                """);

        VerificationReport report = verify();
        assertThat(report.completenessOk()).isFalse();
        assertThat(report.completenessFailure().code()).isIn("CHAIN_MISMATCH", "TREE_MISMATCH", "HISTORY_REWRITTEN");
        assertThat(report.completenessFailure().position()).isEqualTo(13);
    }

    @Test
    void withoutItsOwnRecordTheSealerDoesNotTakeTheDatabasesWord() throws Exception {
        Files.delete(dataDir.resolve("keys/sealer-checkpoint"));
        append("lot:a", 7);

        assertThatThrownBy(sealer::seal)
                .isInstanceOf(SealingRefusedException.class)
                .hasMessageContaining("NO_RECORD_OF_SIGNING");
    }

    @Test
    void theSealersRecordIsASignedNoteThatAThirdPartyVerifiesWithThePublishedKey() throws Exception {
        String text = Files.readString(dataDir.resolve("keys/sealer-checkpoint"));
        SignedNote note = SignedNote.parse(text);

        Checkpoint checkpoint =
                Checkpoint.verify(note, keys.noteSigner(integrity.origin()).verifierKey());
        assertThat(checkpoint.size()).isEqualTo(13);
        assertThat(text).startsWith("springfield.example/ledger\n13\n");
    }

    @Test
    void eventsLeftUnsealedLongerThanTheBoundFailVerification() {
        append("lot:a", 7);

        VerificationReport report = LedgerVerification.verify(
                jdbc,
                keys,
                LedgerVerification.evidence(
                        jdbc,
                        keys,
                        integrity,
                        sealer.lastSigned(),
                        Instant.parse("2026-11-20T15:30:00Z").plus(Duration.ofHours(1))));

        assertThat(report.completenessFailure().code()).isEqualTo("UNSEALED_TOO_LONG");
        assertThat(report.completenessFailure().position()).isEqualTo(14);
    }

    private VerificationReport verify() {
        return LedgerVerification.verify(
                jdbc,
                keys,
                LedgerVerification.evidence(
                        jdbc, keys, integrity, sealer.lastSigned(), Instant.parse("2026-11-20T15:31:00Z")));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
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
}
