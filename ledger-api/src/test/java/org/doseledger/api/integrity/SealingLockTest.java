package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.doseledger.api.config.LedgerProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stall attack of the database administrator: a login of theirs holds the sealer's advisory lock. The
 * sealer does not wait for it (it seals nothing and says so at once, which the sealing monitor turns into
 * health DOWN, a metric and a SEALING_HALTED exception: {@link SealingStallEndToEndTest}), and seals again as
 * soon as the lock is let go. {@link SealingLockOnExternalPostgresTest} runs it on an external server with
 * the deployment's roles.
 */
class SealingLockTest {

    JdbcTemplate jdbc;
    DataSource superuser;
    CheckpointSealer sealer;

    AttackedDatabase newDatabase() {
        return AttackedDatabase.embedded();
    }

    @BeforeEach
    void aLedgerWithAnUnsealedEvent() throws Exception {
        AttackedDatabase database = newDatabase();
        jdbc = database.serviceJdbc();
        superuser = database.superuser();
        LedgerProperties ledger = new LedgerProperties(
                Files.createTempDirectory("ledger-stall"),
                null,
                Duration.ofSeconds(5),
                null,
                Duration.ofHours(1),
                Duration.ofMinutes(1),
                100,
                500);
        IntegrityProperties integrity = new IntegrityProperties(
                null,
                null,
                null,
                true,
                Duration.ofMinutes(1),
                Duration.ZERO,
                "dose-ledger",
                null,
                Duration.ofMinutes(15));
        sealer = new CheckpointSealer(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(database.service())),
                new SigningKeys(integrity, ledger),
                integrity,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                values ('lot:a', 0, 'StockLot', 'lot-a-0', convert_to('{"credentialId":"key-1"}', 'UTF8'),
                        convert_to('{"quantity":1}', 'UTF8'), '1', 'org.doseledger.core.stock.api.DoseDrawnEvent',
                        '2026-11-20T15:30:00Z')
                """);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aLockHeldByAnotherLoginStopsSealingAtOnceAndItsReleaseLetsItSeal() throws Exception {
        try (Connection squatter = superuser.getConnection();
                Statement statement = squatter.createStatement()) {
            squatter.setAutoCommit(false);
            statement.execute("select pg_advisory_xact_lock(" + CheckpointSealer.LOCK + ")");

            // returns while the lock is held: the sealer tries the lock, it does not wait for it
            assertThat(sealer.seal())
                    .as("nothing sealed while the lock is held")
                    .isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from ledger_checkpoint", Long.class))
                    .isZero();

            squatter.rollback();
        }
        assertThat(sealer.seal()).isPresent();
        assertThat(jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class))
                .isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
    }
}
