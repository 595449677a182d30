package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Any login that takes the sealer's advisory lock and keeps it stops sealing. That cannot stay silent:
 * once the oldest unsealed event is older than the bound, sealing counts as halted (health, metric, a
 * SEALING_HALTED exception in the practice's queue), and when the lock is released and a seal succeeds,
 * the exception is cleared.
 */
@TestPropertySource(
        properties = {
            "ledger.test.isolated-context=sealing-stall",
            "ledger.integrity.max-unsealed-age=2s",
            "ledger.integrity.monitor-interval=500ms"
        })
class SealingStallEndToEndTest extends EndToEndTest {

    /** CheckpointSealer's advisory lock. */
    private static final long SEALING_LOCK = 0x6c65646765724cL;

    @Autowired
    DataSource dataSource;

    @Autowired
    CheckpointSealer sealer;

    @Test
    void aHeldSealingLockHaltsSealingVisiblyAndReleasingItResumesIt() throws Exception {
        practice = newPractice();
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        try (Connection squatter = dataSource.getConnection();
                Statement statement = squatter.createStatement()) {
            squatter.setAutoCommit(false);
            statement.execute("select pg_advisory_xact_lock(" + SEALING_LOCK + ")");

            assertThat(sealer.seal())
                    .as("the sealer does not wait for the lock")
                    .isEmpty();
            // the health component sealing is DOWN, so the service's health is too (readiness is not)
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/actuator/health").send().status() == 503);
            assertThat(http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> sealingHaltedExceptions(officer, "OPEN") == 1);
            assertThat(http.get("/actuator/prometheus").send().text())
                    .contains("ledger_integrity_sealing_halted{application=\"dose-ledger\"} 1.0");

            squatter.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sealer.seal();
            return sealingHaltedExceptions(officer, "CLEARED") == 1;
        });
        assertThat(sealingHaltedExceptions(officer, "OPEN")).isZero();
    }

    private int sealingHaltedExceptions(String officer, String status) {
        Http.Response response = http.get(
                        "/api/practices/" + practice + "/exceptions?kind=SEALING_HALTED" + "&status=" + status)
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("exceptions").size();
    }

    private String practice;
}
