package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.Test;

class IntegrityEndToEndTest extends EndToEndTest {

    @Test
    void theLedgerIsSealedAndVerifiedThroughTheApiAndTheVerificationIsOnRecord() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        long last = StockFixture.created(stock.receive("safe-1", "A", 1, "2027-06-30"))
                .get("ledgerPosition")
                .asLong();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Http.Response sealed = adminAction("/api/admin/ledger/checkpoints");
            return sealed.status() == 201 && sealed.json().get("toIndex").asLong() >= last || lastSealed() >= last;
        });
        Http.Response checkpoints = http.get("/api/ledger/checkpoints?limit=1")
                .key(issueKey("REGULATOR", practice))
                .send();
        assertThat(checkpoints.status()).isEqualTo(200);
        JsonNode newest = checkpoints.json().get(0);
        assertThat(newest.get("signature").asText()).hasSize(128);

        Http.Response report = adminAction("/api/admin/ledger/verification");

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("integrityOk").asBoolean()).isTrue();
        assertThat(report.json().get("completenessOk").asBoolean()).isTrue();
        // positions have gaps where a transaction rolled back, so count the events up to the last one
        assertThat(report.json().get("eventsChecked").asLong())
                .isGreaterThanOrEqualTo(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where global_index <= ?", Long.class, last));
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry"
                                + " where payload_type = 'org.doseledger.core.integrity.api.LedgerVerifiedEvent'",
                        Long.class))
                .isPositive();
        assertThat(http.get("/actuator/prometheus").send().text())
                .contains("ledger_integrity_verification_integrity")
                .contains("ledger_integrity_verification_completeness");
    }

    @Test
    void thePublicKeyIsPublishedAndItsActivationIsAnEvent() {
        Http.Response keys = http.get("/api/ledger/public-keys").key(adminKey).send();

        assertThat(keys.status()).isEqualTo(200);
        JsonNode active = keys.json().get(0);
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(active.get("pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(active.get("fingerprint").asText())
                .startsWith(active.get("keyId").asText());
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry"
                                + " where payload_type = 'org.doseledger.core.integrity.api.SigningKeyActivatedEvent'",
                        Long.class))
                .isEqualTo(1);
        assertThat(properties.dataDir().resolve("keys/signing-key.pem")).exists();
    }

    @Test
    void onlyAnAdminSealsAndVerifies() {
        String officer = issueKey("COMPLIANCE_OFFICER", newPractice());
        assertThat(http.post("/api/admin/ledger/verification")
                        .key(officer)
                        .idempotencyKey(unique("admin"))
                        .body("{\"reason\":\"not mine to ask\"}")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/admin/ledger/checkpoints")
                        .key(officer)
                        .idempotencyKey(unique("admin"))
                        .body("{\"reason\":\"not mine to ask\"}")
                        .send()
                        .status())
                .isEqualTo(403);
    }

    private long lastSealed() {
        Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
        return sealed == null ? 0 : sealed;
    }
}
