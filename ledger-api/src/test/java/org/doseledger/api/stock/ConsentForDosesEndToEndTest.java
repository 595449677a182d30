package org.doseledger.api.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** No dose without an active consent covering it, and no dose slips past a committed revocation. */
class ConsentForDosesEndToEndTest extends EndToEndTest {

    @Autowired
    DataSource dataSource;

    private StockFixture stock;
    private String drawId;

    @BeforeEach
    void aDrawForAConsentedClient() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        created(stock.receive("safe-1", "CS", 1, "2027-06-30"));
        drawId = created(stock.draw("safe-1", "CS", "2", "rn-1")).get("id").asText();
    }

    @Test
    void aDoseAfterTheConsentWasRevokedIsRefused() {
        revokeAllConsents();
        long before = eventRows();

        // the consent was revoked effective 30 s ago; this dose is given now
        Http.Response dose =
                stock.post(stock.lotPath("safe-1", "CS") + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"2","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"}
                """.formatted(
                                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));

        assertThat(dose.status()).isEqualTo(409);
        assertThat(dose.json().get("code").asText()).isEqualTo("NO_ACTIVE_CONSENT");
        assertThat(dose.json().get("detail").asText()).contains("revoked");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aTakeHomeDoseNeedsAConsentForTheRouteItIsTakenBy() {
        Http.Response intranasal = stock.post(stock.lotPath("safe-1", "CS") + "/dispensations", """
                {"quantity":{"amount":"1","unit":"ML"},"route":"INTRANASAL","clientId":"%s","prescribedBy":"md-1",
                 "dispensedBy":"rn-1","daysSupply":7,%s,"occurredAt":"%s"}
                """.formatted(
                        stock.client, StockFixture.prescription("RX-1"), StockFixture.now()));

        assertThat(intranasal.status()).isEqualTo(409);
        assertThat(intranasal.json().get("code").asText()).isEqualTo("NO_ACTIVE_CONSENT");
        assertThat(intranasal.json().get("detail").asText()).contains("not INTRANASAL");
    }

    @Test
    void aRevocationWaitsForADoseThatIsCheckingTheConsent() throws Exception {
        try (Connection dose = dataSource.getConnection()) {
            dose.setAutoCommit(false);
            // what a dose does while it checks the consent: read the client's consents FOR SHARE
            lockConsentsForShare(dose);

            CompletableFuture<Http.Response> revocation = CompletableFuture.supplyAsync(this::revokeFirstConsent);

            awaitSomeoneBlockedBy(dose);
            assertThat(revocation)
                    .as("the revocation waits for the dose's transaction")
                    .isNotDone();
            dose.commit();
            assertThat(revocation.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        }
    }

    @Test
    void aDoseWaitsForARevocationBeingCommittedAndIsThenRefused() throws Exception {
        try (Connection revocation = dataSource.getConnection()) {
            revocation.setAutoCommit(false);
            // what a revocation's lookup-table update does inside its (not yet committed) transaction
            try (PreparedStatement update = revocation.prepareStatement(
                    "update consent_registry set revoked_effective_at = ? where practice_id = ? and client_id = ?")) {
                update.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minusSeconds(3600)));
                update.setString(2, stock.practice);
                update.setString(3, stock.client);
                update.executeUpdate();
            }

            CompletableFuture<Http.Response> dose =
                    CompletableFuture.supplyAsync(() -> stock.administer("safe-1", "CS", drawId, "2"));

            awaitSomeoneBlockedBy(revocation);
            assertThat(dose)
                    .as("the dose waits for the revocation's transaction")
                    .isNotDone();
            revocation.commit();
            Http.Response answer = dose.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("code").asText()).isEqualTo("NO_ACTIVE_CONSENT");
        }
    }

    /** Waits (up to 10 s) until another session waits on a lock this connection's transaction holds. */
    private void awaitSomeoneBlockedBy(Connection holder) throws Exception {
        int holderPid;
        try (PreparedStatement pid = holder.prepareStatement("select pg_backend_pid()");
                java.sql.ResultSet rs = pid.executeQuery()) {
            rs.next();
            holderPid = rs.getInt(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jdbc.queryForObject(
                        "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))",
                        Integer.class,
                        holderPid)
                == 0) {
            assertThat(System.nanoTime())
                    .as("nobody blocked on the lock within 10 s")
                    .isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private void lockConsentsForShare(Connection connection) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "select consent_id from consent_registry where practice_id = ? and client_id = ? for share")) {
            select.setString(1, stock.practice);
            select.setString(2, stock.client);
            select.executeQuery().close();
        }
    }

    private Http.Response revokeFirstConsent() {
        String consentId = jdbc.queryForObject(
                "select consent_id from consent_registry where practice_id = ? and client_id = ? limit 1",
                String.class,
                stock.practice,
                stock.client);
        return http.post("/api/practices/" + stock.practice + "/clients/" + stock.client + "/consents/" + consentId
                        + "/revocation")
                .key(stock.writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.revocation(Instant.now().minusSeconds(30).toString()))
                .send();
    }

    private void revokeAllConsents() {
        assertThat(revokeFirstConsent().status()).isEqualTo(201);
    }
}
