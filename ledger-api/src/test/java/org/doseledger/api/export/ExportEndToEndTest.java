package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StockFixture stock;
    private String officer;
    private List<PublicKey> trusted;
    private Path keyFile;

    @BeforeEach
    void aPracticeWithADoseSealed() throws Exception {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "LOT-E1", 2, "2030-01-31"));
        String drawId = StockFixture.created(stock.draw("safe-1", "LOT-E1", "1.0", "rn-1"))
                .get("id")
                .asText();
        long last = StockFixture.created(stock.administer("safe-1", "LOT-E1", drawId, "0.5"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        keyFile = Files.createTempFile("key", ".pub");
        Files.writeString(
                keyFile,
                http.get("/api/ledger/public-keys")
                        .key(adminKey)
                        .send()
                        .json()
                        .get(0)
                        .get("pem")
                        .asText());
        trusted = List.of(readKey(keyFile));
    }

    private static PublicKey readKey(Path file) throws Exception {
        return OfflineBundleVerifier.readKey(file);
    }

    private Http.Response request(String key, String type) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return http.post("/api/practices/" + stock.practice + "/exports")
                .key(key)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"" + type + "\",\"from\":\"" + today.minusDays(2) + "\",\"to\":\"" + today.plusDays(2)
                        + "\"}")
                .send();
    }

    private Path download(String key, String url) throws Exception {
        Path bundle = Files.createTempFile("export", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        return bundle;
    }

    private static String pdfText(Path bundle, String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(name));
                PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            return new PDFTextStripper().getText(document);
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

    @Test
    void theAuditTrailExportWithholdsTheSecretHashOfApiKeys() throws Exception {
        Http.Response created = request(officer, "audit-trail");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get(created.header("Location").orElseThrow())
                        .key(officer)
                        .send()
                        .json()
                        .get("status")
                        .asText()
                        .equals("DONE"));
        String url = http.get(created.header("Location").orElseThrow())
                .key(officer)
                .send()
                .json()
                .get("downloadUrl")
                .asText();
        Path bundle = download(officer, url);
        String csv = entry(bundle, "audit-trail.csv");
        assertThat(csv).contains("ApiKeyIssued").contains("[withheld]");
        assertThat(csv).doesNotContainPattern("secretSha256\\W+[0-9a-f]{64}");
        assertThat(entry(bundle, "audit-trail.json")).doesNotContainPattern("secretSha256\\W+[0-9a-f]{64}");
        Http.Response page = http.get("/api/practices/" + stock.practice + "/audit-trail?eventType=ApiKeyIssued")
                .key(officer)
                .send();
        assertThat(page.text()).doesNotContainPattern("secretSha256\\W+[0-9a-f]{64}");
    }

    @Test
    void aBundleIsKeptInTheDatabaseEveryReplicaSharesAndOnNoDisk() throws Exception {
        JsonNode job = request(officer, "dispensing-record").json();
        String exportId = job.get("exportId").asText();

        Path bundle = download(officer, job.get("downloadUrl").asText());

        assertThat(Files.size(bundle)).isEqualTo(job.get("bundleBytes").asLong());
        assertThat(jdbc.queryForObject(
                        "select sum(length(bytes)) from export_bundle_chunk where export_id = ?", Long.class, exportId))
                .isEqualTo(Files.size(bundle));
        try (var files = Files.walk(properties.dataDir())) {
            assertThat(files.filter(Files::isRegularFile)
                            .filter(file -> file.toString().contains(exportId)))
                    .as("no copy on this node's disk")
                    .isEmpty();
        }
        assertThat(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle)))
                .isEqualTo(java.util.HexFormat.of()
                        .parseHex(job.get("bundleSha256").asText()));
    }

    @Test
    void aSmallDispensingRecordAnswersDoneAndItsBundleVerifiesOffline() throws Exception {
        Http.Response created = request(officer, "dispensing-record");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode job = created.json();
        assertThat(job.get("status").asText()).as(created.toString()).isEqualTo("DONE");
        assertThat(job.get("recordsTotal").asLong()).isEqualTo(1);
        assertThat(created.header("Location"))
                .hasValue("/api/practices/" + stock.practice + "/exports/"
                        + job.get("exportId").asText());

        Path bundle = download(officer, job.get("downloadUrl").asText());
        String csv = entry(bundle, "dispensing-record.csv");
        assertThat(csv).startsWith("entryType,occurredAt,recordedAt,substance,");
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("ADMINISTERED").contains("Ada Lovelace").contains("12 Elm St, Springfield, IL 62702");
        JsonNode manifest = JSON.readTree(entry(bundle, "manifest.json"));
        assertThat(manifest.get("format").asText()).isEqualTo("dose-ledger-export/2");
        assertThat(manifest.at("/records/dispensing-record").asLong()).isEqualTo(1);
        assertThat(manifest.at("/ledgerRange/toIndex").asLong())
                .isEqualTo(job.get("ledgerPosition").asLong());
        assertThat(manifest.get("sha256").fieldNames())
                .toIterable()
                .containsExactly(
                        "dispensing-record.csv",
                        "dispensing-record.json",
                        "dispensing-record.pdf",
                        "evidence/events.jsonl",
                        "evidence/inclusion.jsonl",
                        "evidence/consistency.jsonl",
                        "tree-checkpoint.note",
                        "checkpoint.json");
        String pdf = pdfText(bundle, "dispensing-record.pdf");
        assertThat(pdf)
                .contains("Dispensing and administration record")
                .contains(manifest.at("/registrant/deaNumber").asText())
                .contains("Ada Lovelace")
                .contains("Page 1 of 1");

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, trusted);
        assertThat(result.fileProblems()).isEmpty();
        assertThat(result.export().problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(OfflineBundleVerifier.run(new String[] {bundle.toString(), "--public-key", keyFile.toString()}))
                .isZero();

        String exportId = job.get("exportId").asText();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type = 'org.doseledger.core.export.api.ExportGeneratedEvent'",
                        Long.class,
                        "export:" + exportId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type ="
                                + " 'org.doseledger.core.access.api.ClientDataAccessedEvent'"
                                + " and convert_from(payload, 'UTF8')::jsonb ->> 'kind' = 'EXPORT'"
                                + " and convert_from(payload, 'UTF8')::jsonb -> 'parameters' ->> 'exportId' = ?",
                        Long.class,
                        exportId))
                .isEqualTo(1);
    }

    @Test
    void aTamperedBundleIsRejected() throws Exception {
        JsonNode job = request(officer, "dispensing-record").json();
        Path bundle = download(officer, job.get("downloadUrl").asText());
        Path tampered = Files.createTempFile("tampered", ".zip");
        try (ZipFile zip = new ZipFile(bundle.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".csv")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace(",0.5,", ",0.4,")
                            .getBytes(StandardCharsets.UTF_8);
                }
                copy(bytes, out);
                out.closeEntry();
            }
        }

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(tampered, trusted);

        assertThat(result.ok()).isFalse();
        assertThat(result.fileProblems())
                .containsExactly("dispensing-record.csv does not match its SHA-256 in the manifest");
    }

    @Test
    void aBundleCheckedAgainstAnotherKeyIsNotTrusted() throws Exception {
        JsonNode job = request(officer, "dispensing-record").json();
        Path bundle = download(officer, job.get("downloadUrl").asText());
        java.security.KeyPair other =
                java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, List.of(other.getPublic()));

        assertThat(result.ok()).isFalse();
        assertThat(result.export().checkpointTrusted()).isFalse();
    }

    @Test
    void aRegulatorCanExportTheReceiptsLog() throws Exception {
        String regulator = issueKey("REGULATOR", stock.practice);
        Http.Response created = request(regulator, "receipts-log");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("DONE");
        Path bundle = download(regulator, created.json().get("downloadUrl").asText());
        String csv = entry(bundle, "receipts-log.csv");
        assertThat(csv)
                .contains("Henry Schein")
                .contains("135 Duryea Rd, Melville, NY 11747")
                .contains("AB1234563")
                .contains("INV-LOT-E1")
                .contains("LOT-E1,2030-01-31");
        assertThat(OfflineBundleVerifier.verify(bundle, trusted).ok()).isTrue();
        Http.Response status =
                http.get(created.header("Location").orElseThrow()).key(officer).send();
        assertThat(status.json().get("status").asText()).isEqualTo("DONE");
    }

    /**
     * Practice software sent a supplier named as a spreadsheet formula. The bundle's CSV shows it as text (a
     * leading quote, as every CSV of the service), its JSON keeps the exact name, and the bundle verifies.
     */
    @Test
    void aSupplierNamedLikeAFormulaIsShownAsTextInTheCsvAndTheBundleVerifies() throws Exception {
        String formula = "=HYPERLINK(\"http://attacker.example\",\"Henry Schein\")";
        long last = StockFixture.created(stock.post(stock.lotPath("safe-1", "LOT-F1") + "/receipts", """
                {"expiresOn":"2030-01-31","containers":1,"invoiceNumber":"INV-F1",
                 "supplier":{"name":%s,"deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"}
                """.formatted(
                                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(formula),
                                StockFixture.now())))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });

        Http.Response created = request(officer, "receipts-log");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Path bundle = download(officer, created.json().get("downloadUrl").asText());
        assertThat(entry(bundle, "receipts-log.csv"))
                .contains(",\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"Henry Schein\"\")\",");
        assertThat(entry(bundle, "receipts-log.json"))
                .contains(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(formula));
        OfflineBundleVerifier.Result verified = OfflineBundleVerifier.verify(bundle, trusted);
        assertThat(verified.ok()).as(verified.toString()).isTrue();
    }

    @Test
    void aLaterBundleProvesThatItsLogExtendsTheTreeOfAnEarlierOne() throws Exception {
        Http.Response first = request(officer, "receipts-log");
        assertThat(first.json().get("status").asText()).as(first.toString()).isEqualTo("DONE");
        String earlierTree =
                entry(download(officer, first.json().get("downloadUrl").asText()), "tree-checkpoint.note");
        // the ledger goes on: another receipt, sealed
        long last = StockFixture.created(stock.receive("safe-1", "LOT-E2", 1, "2030-01-31"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });
        Http.Response second = request(officer, "receipts-log");
        assertThat(second.json().get("status").asText()).as(second.toString()).isEqualTo("DONE");
        Path later = download(officer, second.json().get("downloadUrl").asText());
        Path held = Files.createTempFile("held", ".note");
        Files.writeString(held, earlierTree);

        OfflineBundleVerifier.Result consistent =
                OfflineBundleVerifier.verify(later, trusted, Optional.of(earlierTree));

        assertThat(consistent.ok()).as(String.valueOf(consistent.export())).isTrue();
        assertThat(OfflineBundleVerifier.run(new String[] {
                    later.toString(), "--public-key", keyFile.toString(), "--checkpoint", held.toString()
                }))
                .isZero();
        // a checkpoint the reader received after the bundle was cut is of a longer log than the bundle's:
        // the bundle cannot be of the log that checkpoint extends, and the verifier says so
        long generated = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= generated;
        });
        String newer =
                http.get("/api/ledger/tree/checkpoint").key(adminKey).send().text();
        OfflineBundleVerifier.Result shorter = OfflineBundleVerifier.verify(later, trusted, Optional.of(newer));
        assertThat(shorter.ok()).isFalse();
        assertThat(shorter.export().problems().toString()).contains("INCONSISTENT");
    }

    @Test
    void aCheckpointHeldFromTheLedgerItselfIsProvenConsistentWithAProofFetchedFromIt() throws Exception {
        // the reader keeps the ledger's tree checkpoint of today: a size no bundle of the practice had
        long sealedBefore = StockFixture.created(stock.receive("safe-1", "LOT-E3", 1, "2030-01-31"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= sealedBefore;
        });
        String heldNote =
                http.get("/api/ledger/tree/checkpoint").key(adminKey).send().text();
        long heldSize = Long.parseLong(heldNote.lines().skip(1).findFirst().orElseThrow());
        long last = StockFixture.created(stock.receive("safe-1", "LOT-E4", 1, "2030-01-31"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });
        Http.Response created = request(officer, "receipts-log");
        Path bundle = download(officer, created.json().get("downloadUrl").asText());
        long bundleSize = Long.parseLong(entry(bundle, "tree-checkpoint.note")
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow());
        assertThat(bundleSize).isGreaterThan(heldSize);

        OfflineBundleVerifier.Result unproven = OfflineBundleVerifier.verify(bundle, trusted, Optional.of(heldNote));
        String proof = http.get("/api/ledger/tree/proofs/consistency?from=" + heldSize + "&to=" + bundleSize)
                .key(officer)
                .send()
                .text();
        OfflineBundleVerifier.Result proven =
                OfflineBundleVerifier.verify(bundle, trusted, Optional.of(heldNote), Optional.of(proof));
        JsonNode forged = JSON.readTree(proof);
        ((com.fasterxml.jackson.databind.node.ArrayNode) forged.get("proof"))
                .set(0, JSON.getNodeFactory().textNode("00".repeat(32)));
        OfflineBundleVerifier.Result rewritten =
                OfflineBundleVerifier.verify(bundle, trusted, Optional.of(heldNote), Optional.of(forged.toString()));

        assertThat(unproven.ok()).isFalse();
        assertThat(unproven.export().problems().toString()).contains("--consistency-proof");
        assertThat(proven.ok()).as(String.valueOf(proven.export())).isTrue();
        assertThat(rewritten.ok()).isFalse();
        assertThat(rewritten.export().problems().toString()).contains("INCONSISTENT");
        Path held = Files.createTempFile("held", ".note");
        Files.writeString(held, heldNote);
        Path proofFile = Files.createTempFile("proof", ".json");
        Files.writeString(proofFile, proof);
        assertThat(OfflineBundleVerifier.run(new String[] {
                    bundle.toString(),
                    "--public-key",
                    keyFile.toString(),
                    "--checkpoint",
                    held.toString(),
                    "--consistency-proof",
                    proofFile.toString()
                }))
                .isZero();
    }

    @Test
    void anUnknownTypeOrAnInvertedPeriodIsRefusedAndNothingIsQueued() {
        long jobs = jdbc.queryForObject("select count(*) from export_job", Long.class);

        assertProblem(request(officer, "pdmp"), 400, "VALIDATION_FAILED");
        Http.Response inverted = http.post("/api/practices/" + stock.practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"receipts-log\",\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}")
                .send();
        assertProblem(inverted, 400, "VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("select count(*) from export_job", Long.class))
                .isEqualTo(jobs);
    }

    @Test
    void anUnknownExportIsNotFoundAndAWriterMayNotExport() {
        assertProblem(
                http.get("/api/practices/" + stock.practice + "/exports/nope")
                        .key(officer)
                        .send(),
                404,
                "EXPORT_NOT_FOUND");
        assertThat(request(stock.writer, "dispensing-record").status()).isEqualTo(403);
    }

    private static void copy(byte[] bytes, OutputStream out) throws IOException {
        out.write(bytes);
    }
}
