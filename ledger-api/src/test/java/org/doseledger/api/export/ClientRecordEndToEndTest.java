package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A records request over REST: a client's record, downloaded as a bundle that verifies and is logged. */
class ClientRecordEndToEndTest extends EndToEndTest {

    private StockFixture stock;
    private String officer;
    private PublicKey trusted;

    @BeforeEach
    void aClientWithADoseSealed() throws Exception {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "LOT-C1", 2, "2030-01-31"));
        String drawId = StockFixture.created(stock.draw("safe-1", "LOT-C1", "1.0", "rn-1"))
                .get("id")
                .asText();
        long last = StockFixture.created(stock.administer("safe-1", "LOT-C1", drawId, "0.5"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        Path keyFile = Files.createTempFile("key", ".pub");
        Files.writeString(
                keyFile,
                http.get("/api/ledger/public-keys")
                        .key(adminKey)
                        .send()
                        .json()
                        .get(0)
                        .get("pem")
                        .asText());
        trusted = OfflineBundleVerifier.readKey(keyFile);
    }

    private Http.Response request(String body) {
        return http.post("/api/practices/" + stock.practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body(body)
                .send();
    }

    private Path download(String url) throws Exception {
        Path bundle = Files.createTempFile("client-record", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                                .header("Authorization", "Bearer " + officer)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);
        return bundle;
    }

    private static byte[] entry(Path bundle, String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aClientsRecordDownloadsDecryptedVerifiesOfflineAndIsInTheAccessLog() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Http.Response created = request("{\"type\":\"client-record\",\"from\":\"2026-11-01\",\"to\":\""
                + today.plusDays(2) + "\",\"clientId\":\"" + stock.client + "\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode job = created.json();
        assertThat(job.get("status").asText()).as(created.toString()).isEqualTo("DONE");
        String exportId = job.get("exportId").asText();
        Path bundle = download(job.get("downloadUrl").asText());

        String csv = new String(entry(bundle, "client-record.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("occurredAt,recordedAt,eventType,summary,");
        assertThat(csv).contains("ClientRegistered").contains("DoseAdministered");
        try (PDDocument pdf = Loader.loadPDF(entry(bundle, "client-record.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Client record")
                    .contains("Ada Lovelace")
                    .doesNotContain("ciphertext");
        }
        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, List.of(trusted));
        assertThat(result.fileProblems()).isEmpty();
        assertThat(result.ok()).isTrue();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select count(*) from access_log where practice_id = ? and kind = 'EXPORT'"
                                        + " and parameters ->> 'exportId' = ?",
                                Long.class,
                                stock.practice,
                                exportId))
                        .isEqualTo(1));
    }

    @Test
    void theAuditTrailAndTheDosingConsistencyReportExportAsVerifiableBundles() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String type : List.of("audit-trail", "dosing-consistency", "rems-monitoring")) {
            Http.Response created =
                    request("{\"type\":\"" + type + "\",\"from\":\"2026-11-01\",\"to\":\"" + today.plusDays(2) + "\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().get("status").asText())
                    .as(created.toString())
                    .isEqualTo("DONE");
            Path bundle = download(created.json().get("downloadUrl").asText());
            assertThat(OfflineBundleVerifier.verify(bundle, List.of(trusted)).ok())
                    .as(type)
                    .isTrue();
            String csv = new String(entry(bundle, type + ".csv"), StandardCharsets.UTF_8);
            if (type.equals("audit-trail")) {
                assertThat(csv)
                        .contains("ClientRegistered")
                        .contains("DoseAdministered")
                        .contains("[sealed]");
            }
            if (type.equals("dosing-consistency")) {
                assertThat(csv).contains(stock.client).contains("Ada Lovelace");
            }
        }
    }

    @Test
    void aClientRecordWithoutAClientIsRefused() {
        long jobs = jdbc.queryForObject("select count(*) from export_job", Long.class);

        assertProblem(
                request("{\"type\":\"client-record\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}"),
                400,
                "VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("select count(*) from export_job", Long.class))
                .isEqualTo(jobs);
    }
}
