package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.core.integrity.Checkpoint;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.EventHashes;
import org.doseledger.core.integrity.VerificationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attacks a database superuser could make on the stored ledger, each against a freshly sealed
 * ledger of twelve events in three streams (positions 1-12, with position 5 left unused, as a rolled
 * back write leaves it). Every one is detected and the first bad position or checkpoint is named.
 */
class TamperingIsDetectedTest {

    /** The service's connection. */
    JdbcTemplate jdbc;
    /** The attacker's: a PostgreSQL superuser. */
    JdbcTemplate attacker;

    AttackedDatabase database;
    Path dataDir;
    LedgerProperties ledger;
    TransactionTemplate transactions;
    SigningKeys keys;
    CheckpointSealer sealer;

    /** Where the suite runs: the embedded server; {@link TamperingIsDetectedOnExternalPostgresTest} runs it on another. */
    AttackedDatabase newDatabase() {
        return AttackedDatabase.embedded();
    }

    @BeforeEach
    void aSealedLedger() throws Exception {
        database = newDatabase();
        jdbc = database.serviceJdbc();
        attacker = database.superuserJdbc();
        dataDir = Files.createTempDirectory("ledger-integrity");
        ledger = new LedgerProperties(
                dataDir, null, Duration.ofSeconds(5), null, Duration.ofHours(1), Duration.ofMinutes(1), 100, 500);
        IntegrityProperties integrity =
                new IntegrityProperties(null, null, null, true, Duration.ofMinutes(1), Duration.ZERO);
        keys = new SigningKeys(integrity, ledger);
        sealer = new CheckpointSealer(
                jdbc,
                transactions = new TransactionTemplate(new DataSourceTransactionManager(database.service())),
                keys,
                integrity,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        for (int i = 0; i < 4; i++) {
            append("lot:a", i);
        }
        jdbc.queryForObject("select nextval('domain_event_entry_global_index_seq')", Long.class);
        for (int i = 0; i < 4; i++) {
            append("lot:b", i);
            append("client:c", i);
        }
        assertThat(sealer.seal()).isPresent();
        append("lot:a", 4);
        assertThat(sealer.seal()).isPresent();
    }

    @Test
    void aGenuineLedgerPassesBothVerdicts() {
        VerificationReport report = verify();

        assertThat(report.integrityOk()).isTrue();
        assertThat(report.completenessOk()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(13);
        assertThat(report.checkpointsChecked()).isEqualTo(2);
        assertThat(report.lastSealedIndex()).isEqualTo(14);
    }

    @Test
    void theTriggerHashesExactlyAsTheDocumentedCanonicalForm() {
        List<org.doseledger.core.integrity.StoredEvent> events = IntegrityStore.events(jdbc, 0, 100, 100);
        for (org.doseledger.core.integrity.StoredEvent event : events) {
            assertThat(EventHashes.eventHash(event, event.previousHash())).isEqualTo(event.eventHash());
        }
    }

    @Test
    void oneAlteredPayloadByte() {
        superuser("update domain_event_entry set payload = overlay(payload placing 'X'::bytea from 3 for 1)"
                + " where global_index = 7");

        VerificationReport report = verify();
        assertThat(report.integrityOk()).isFalse();
        assertThat(report.integrityFailure().code()).isEqualTo("EVENT_ALTERED");
        assertThat(report.integrityFailure().position()).isEqualTo(7);
    }

    @Test
    void alteredMetadata() {
        superuser("update domain_event_entry set meta_data = convert_to('{\"credentialId\":\"someone-else\"}', 'UTF8')"
                + " where global_index = 3");

        VerificationReport report = verify();
        assertThat(report.integrityFailure().code()).isEqualTo("EVENT_ALTERED");
        assertThat(report.integrityFailure().position()).isEqualTo(3);
    }

    @Test
    void anAlteredEventWithItsHashRecomputed() {
        superuser("""
                update domain_event_entry set payload = convert_to('{"quantity":0.1}', 'UTF8') where global_index = 2;
                update domain_event_entry set event_hash = ledger_event_hash(global_index, event_identifier,
                    aggregate_identifier, sequence_number, type, payload_type, payload_revision, time_stamp, payload,
                    meta_data, previous_hash) where global_index = 2
                """);

        VerificationReport report = verify();
        assertThat(report.integrityFailure().code()).isEqualTo("PREDECESSOR_MISMATCH");
        assertThat(report.integrityFailure().position())
                .as("the next event of the stream")
                .isEqualTo(3);
        assertThat(report.completenessFailure().code()).isEqualTo("CHAIN_MISMATCH");
        assertThat(report.completenessFailure().position()).isEqualTo(2);
    }

    @Test
    void anEventDeletedFromTheMiddle() {
        superuser("delete from domain_event_entry where global_index = 8");

        VerificationReport report = verify();
        assertThat(report.completenessOk()).isFalse();
        assertThat(report.completenessFailure().code()).isEqualTo("EVENT_DELETED");
        assertThat(report.completenessFailure().position()).isEqualTo(8);
    }

    @Test
    void theLastEventsDeleted() {
        superuser("delete from domain_event_entry where global_index >= 12");

        VerificationReport report = verify();
        assertThat(report.completenessFailure().code()).isEqualTo("EVENT_DELETED");
        assertThat(report.completenessFailure().position()).isEqualTo(12);
    }

    @Test
    void aForgedEventWithAPlausibleHashInASealedRange() {
        attacker.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                values (5, 'lot:forged', 0, 'StockLot', 'forged-1', convert_to('{}', 'UTF8'),
                    convert_to('{"quantity":50}', 'UTF8'), '1', 'org.doseledger.core.stock.api.StockReceivedEvent',
                    '2026-11-20T15:30:00Z')
                """);

        VerificationReport report = verify();
        assertThat(report.integrityOk()).as("its own hash is right").isTrue();
        assertThat(report.completenessFailure().code()).isEqualTo("EVENT_NOT_SEALED");
        assertThat(report.completenessFailure().position()).isEqualTo(5);
    }

    @Test
    void twoEventsSwapped() {
        superuser("""
                update domain_event_entry set global_index = -6 where global_index = 6;
                update domain_event_entry set global_index = 6 where global_index = 9;
                update domain_event_entry set global_index = 9 where global_index = -6
                """);

        VerificationReport report = verify();
        assertThat(report.integrityFailure().code()).isEqualTo("EVENT_ALTERED");
        assertThat(report.integrityFailure().position()).isEqualTo(6);
        assertThat(report.completenessFailure().position()).isEqualTo(6);
    }

    @Test
    void anAlteredCheckpoint() {
        superuser("update ledger_checkpoint set event_count = event_count - 1, to_index = to_index - 1"
                + " where checkpoint_number = 1");

        VerificationReport report = verify();
        assertThat(report.completenessFailure().code()).isEqualTo("CHECKPOINT_SIGNATURE_INVALID");
        assertThat(report.completenessFailure().checkpoint()).isEqualTo(1);
    }

    @Test
    void checkpointsResignedWithAnotherKey() throws Exception {
        KeyPair attackersKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String attackerId = Ed25519Keys.keyId(attackersKey.getPublic());
        for (Checkpoint checkpoint : IntegrityStore.checkpoints(jdbc)) {
            byte[] signed = Checkpoint.signedBytes(
                    checkpoint.number(),
                    checkpoint.fromIndex(),
                    checkpoint.toIndex(),
                    checkpoint.eventCount(),
                    checkpoint.chainHash(),
                    checkpoint.previousCheckpointHash(),
                    checkpoint.sealedAt(),
                    attackerId);
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(attackersKey.getPrivate());
            signature.update(signed);
            attacker.update(
                    "set session_replication_role = replica; update ledger_checkpoint set key_id = ?, signature = ?,"
                            + " checkpoint_hash = ? where checkpoint_number = ?",
                    attackerId,
                    signature.sign(),
                    EventHashes.sha256(signed),
                    checkpoint.number());
        }

        VerificationReport report = verify();
        assertThat(report.completenessFailure().code()).isEqualTo("CHECKPOINT_UNTRUSTED_KEY");
        assertThat(report.completenessFailure().checkpoint()).isEqualTo(1);
    }

    @Test
    void updatesAndDeletesOfEventsAndSealsAreRefused() {
        for (String rewrite : List.of(
                "update domain_event_entry set payload = payload where global_index = 1",
                "delete from domain_event_entry where global_index = 1",
                "update ledger_chain set chain_hash = chain_hash where global_index = 1",
                "delete from ledger_checkpoint where checkpoint_number = 2",
                "truncate ledger_chain")) {
            assertThatThrownBy(() -> attacker.execute(rewrite))
                    .as(rewrite)
                    .satisfies(refused -> assertThat(NestedExceptionUtils.getMostSpecificCause(refused)
                                    .getMessage())
                            .contains("append-only"));
        }
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void theApplicationRoleMayOnlyInsertAndSelectEvents() {
        String role = "ledger_app_" + Long.toHexString(System.nanoTime());
        attacker.execute("create role " + role + " login password 'secret'");
        attacker.execute("grant select, insert on domain_event_entry, ledger_chain, ledger_checkpoint to " + role);
        attacker.execute("grant usage, select on sequence domain_event_entry_global_index_seq to " + role);
        JdbcTemplate app = new JdbcTemplate(database.as(role, "secret"));

        append(app, "lot:app", 0);
        for (String rewrite : List.of(
                "update domain_event_entry set payload = payload where global_index = 1",
                "delete from domain_event_entry where global_index = 1",
                "alter table domain_event_entry disable trigger domain_event_entry_append_only",
                "delete from ledger_checkpoint")) {
            assertThatThrownBy(() -> app.execute("set session_replication_role = replica; " + rewrite))
                    .as(rewrite)
                    .satisfies(refused -> assertThat(NestedExceptionUtils.getMostSpecificCause(refused)
                                    .getMessage())
                            .containsAnyOf("permission denied", "must be owner"));
        }
        assertThat(verify().integrityOk()).isTrue();
    }

    /** The service's own verification path: two cursors, read a batch ahead on a thread of their own. */
    private VerificationReport verify() {
        return LedgerVerification.verify(jdbc, keys);
    }

    /** A statement as a superuser who has switched the append-only triggers off for the session. */
    private void superuser(String sql) {
        attacker.execute("set session_replication_role = replica; " + sql);
    }

    private void append(String stream, long sequence) {
        append(jdbc, stream, sequence);
    }

    private static void append(JdbcTemplate jdbc, String stream, long sequence) {
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, ?, 'StockLot', ?, convert_to('{"credentialId":"key-1"}', 'UTF8'),
                        convert_to(?, 'UTF8'), '1', 'org.doseledger.core.stock.api.DoseDrawnEvent',
                        '2026-11-20T15:30:00Z')
                """, stream, sequence, stream + "-" + sequence, "{\"quantity\":" + (sequence + 1) + "}");
    }
}
