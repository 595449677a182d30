package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.FileModes;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.Test;

/**
 * What the service writes under its data directory (the initial admin key, the keys directory with the master
 * and signing keys, export bundles) is its owner's alone: no file that group or others may read, no directory
 * they may enter. Here the database is a server of its own (FreshDatabase); EmbeddedDataDirectoryPermissionsTest
 * covers the embedded one.
 */
class DataDirectoryPermissionsEndToEndTest extends EndToEndTest {

    @Test
    void nothingTheServiceWroteIsOpenToGroupOrOthersAfterAnExport() throws IOException {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "LOT-P1", 2, "2030-01-31"));
        String drawId = StockFixture.created(stock.draw("safe-1", "LOT-P1", "1.0", "rn-1"))
                .get("id")
                .asText();
        long last = StockFixture.created(stock.administer("safe-1", "LOT-P1", drawId, "0.5"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Http.Response export = http.post("/api/practices/" + practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"dispensing-record\",\"from\":\"" + today.minusDays(2) + "\",\"to\":\""
                        + today.plusDays(2) + "\"}")
                .send();

        assertThat(export.status()).as(export.toString()).isEqualTo(201);
        JsonNode job = export.json();
        assertThat(job.get("status").asText()).as(export.toString()).isEqualTo("DONE");
        Path dataDir = properties.dataDir();
        assertThat(dataDir.resolve("initial-admin-key")).exists();
        assertThat(dataDir.resolve("keys/master.key")).exists();
        assertThat(dataDir.resolve("keys/signing-key.pem")).exists();
        try (Stream<Path> bundles = Files.list(dataDir.resolve("exports"))) {
            // written there owner-only while it is made, then kept in the database and deleted here
            assertThat(bundles.map(bundle -> bundle.getFileName().toString()))
                    .doesNotContain("dispensing-record-" + job.get("exportId").asText() + ".zip");
        }
        assertThat(FileModes.openToOthers(dataDir, directory -> false)).isEmpty();
    }
}
