package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.zip.ZipEntry;
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

/**
 * The regulator worksheets over REST: a lot counted for a biennial inventory, part of an expired lot
 * destroyed before two witnesses and a vial reported lost; each worksheet is requested by a compliance
 * officer, downloaded, read as a PDF (signature block and the registrant's DEA number) and verified
 * offline against the ledger's public key.
 */
class RegulatorFormsEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StockFixture stock;
    private String officer;
    private String countId;
    private String destructionId;
    private List<PublicKey> trusted;

    @BeforeEach
    void aPracticeWithACountADestructionAndALossSealed() throws Exception {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "LOT-F1", 2, "2030-01-31"));
        StockFixture.created(stock.receive("safe-2", "LOT-F2", 2, "2030-01-31"));
        countId = StockFixture.created(
                        stock.post(stock.lotPath("safe-1", "LOT-F1") + "/counts", """
                        {"kind":"BIENNIAL","timing":"OPENING_OF_BUSINESS","counted":{"amount":"20","unit":"ML"},
                         "exact":true,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                        """.formatted(StockFixture.now())))
                .get("id")
                .asText();
        // a complete inventory counts every lot on hand, the second safe's too
        StockFixture.created(
                stock.post(stock.lotPath("safe-2", "LOT-F2") + "/counts", """
                {"kind":"BIENNIAL","timing":"OPENING_OF_BUSINESS","counted":{"amount":"20","unit":"ML"},
                 "exact":true,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        destructionId = StockFixture.created(stock.post(
                        stock.lotPath("safe-2", "LOT-F2") + "/destructions", """
                        {"quantity":{"amount":"15","unit":"ML"},"method":"chemical digestion (Rx Destroyer)",
                         "place":"Springfield clinic, room 4","destroyedBy":"rn-1","witnessedBy":["rn-2","md-1"],
                         "occurredAt":"%s"}
                        """.formatted(StockFixture.now())))
                .get("id")
                .asText();
        long last = StockFixture.created(
                        stock.post(stock.lotPath("safe-1", "LOT-F1") + "/losses", """
                        {"quantity":{"amount":"10","unit":"ML"},"lossType":"BREAK_IN",
                         "policeReport":{"agency":"Springfield PD","reportNumber":"SPD-26-9001","phone":"2175550911"},
                         "description":"safe forced overnight","reportedBy":"md-1","discoveredAt":"%s",
                         "details":{"county":"Sangamon","estimatedValueUsd":84.5}}
                        """.formatted(StockFixture.now())))
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
        trusted = List.of(OfflineBundleVerifier.readKey(keyFile));
    }

    private Http.Response request(String type, String recordId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return http.post("/api/practices/" + stock.practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"" + type + "\",\"from\":\"" + today.minusDays(2) + "\",\"to\":\"" + today.plusDays(2)
                        + "\"" + (recordId == null ? "" : ",\"recordId\":\"" + recordId + "\"") + "}")
                .send();
    }

    /** Requests the export, downloads its bundle, checks it offline and returns it. */
    private Path bundle(String type, String recordId, long records) throws Exception {
        Http.Response created = request(type, recordId);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode job = created.json();
        assertThat(job.get("status").asText()).as(created.toString()).isEqualTo("DONE");
        assertThat(job.get("recordsTotal").asLong()).isEqualTo(records);
        Path bundle = Files.createTempFile("export", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + job.get("downloadUrl").asText()))
                                .header("Authorization", "Bearer " + officer)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);
        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, trusted);
        assertThat(result.fileProblems()).isEmpty();
        assertThat(result.export().problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        return bundle;
    }

    /** The PDF's text with line breaks as spaces, so a wrapped sentence reads whole. */
    private static String pdfText(Path bundle, String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(name));
                PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String entry(Path bundle, String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static String deaNumber(Path bundle) throws IOException {
        return JSON.readTree(entry(bundle, "manifest.json"))
                .at("/registrant/deaNumber")
                .asText();
    }

    @Test
    void theInventorySheetOfACountIsSignedByTheRegistrantAndVerifies() throws Exception {
        Path bundle = bundle("inventory-sheet", countId, 2);

        String pdf = pdfText(bundle, "inventory-sheet.pdf");
        assertThat(pdf)
                .contains("Inventory of controlled substances")
                .contains(deaNumber(bundle))
                .contains("Biennial inventory taken at the opening of business on")
                .contains("I certify that this inventory was taken at the opening of business")
                .contains("complete and accurate");
        assertThat(entry(bundle, "inventory-sheet.csv"))
                .contains(",LOT-F1,")
                .contains(",20,1000,")
                .contains("," + countId + ",");
    }

    @Test
    void theForm41WorksheetOfADestructionHasTwoWitnessSignatures() throws Exception {
        Path bundle = bundle("form-41-worksheet", destructionId, 1);

        String pdf = pdfText(bundle, "form-41-worksheet.pdf");
        assertThat(pdf)
                .contains("DEA Form 41 worksheet")
                .contains(deaNumber(bundle))
                .contains("rendered non-retrievable")
                .contains("Signer 1 of 2")
                .contains("Signer 2 of 2")
                .contains("chemical digestion (Rx Destroyer)");
        assertThat(entry(bundle, "form-41-worksheet.csv")).contains(",10,ML,1,5,15,750,LOT-F2,");
    }

    @Test
    void theForm106WorksheetOfThePeriodStatesTheDeadlines() throws Exception {
        Path bundle = bundle("form-106-worksheet", null, 1);

        String pdf = pdfText(bundle, "form-106-worksheet.pdf");
        assertThat(pdf)
                .contains("DEA Form 106 worksheet")
                .contains(deaNumber(bundle))
                .contains("within one business day of discovery")
                .contains("true and correct");
        assertThat(entry(bundle, "form-106-worksheet.csv"))
                .contains("BREAK_IN")
                .contains(",SPD-26-9001,2175550911,84.50,,safe forced overnight,")
                .contains(",Sangamon,BREAK_IN,")
                .contains(",0,safe-1,");
    }

    @Test
    void anInventorySheetNeedsARecordId() {
        long jobs = jdbc.queryForObject("select count(*) from export_job", Long.class);

        assertProblem(request("inventory-sheet", null), 400, "VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("select count(*) from export_job", Long.class))
                .isEqualTo(jobs);
    }
}
