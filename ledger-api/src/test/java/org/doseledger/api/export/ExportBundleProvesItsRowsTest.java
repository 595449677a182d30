package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.doseledger.api.integrity.LedgerEvidence;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.StockFixture;
import org.doseledger.core.integrity.bundle.BundleFormats;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An export bundle proves its rows: the manifest is signed, and each record is bound to the stored event it
 * was built from, which the bundle carries with its inclusion proof in a signed tree checkpoint. The attacks
 * are those of a server that lies: it holds the genuine key and re-signs whatever manifest it likes, so only
 * the evidence stands between its file and the regulator.
 */
class ExportBundleProvesItsRowsTest extends EndToEndTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Autowired
    private LedgerEvidence evidence;

    private StockFixture stock;
    private String officer;
    private List<PublicKey> trusted;
    private Path keyFile;
    private long firstDose;
    private long secondDose;

    @BeforeEach
    void aLotWithTwoDosesSealed() throws Exception {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "LOT-P1", 2, "2030-01-31"));
        String drawId = StockFixture.created(stock.draw("safe-1", "LOT-P1", "1.0", "rn-1"))
                .get("id")
                .asText();
        StockFixture.created(stock.administer("safe-1", "LOT-P1", drawId, "0.4"));
        long last = StockFixture.created(stock.administer("safe-1", "LOT-P1", drawId, "0.6"))
                .get("ledgerPosition")
                .asLong();
        List<Long> doses = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type = 'org.doseledger.core.stock.api.DoseAdministeredEvent' order by 1",
                Long.class,
                "lot:" + practice + ":safe-1:42023-0113-10:LOT-P1");
        assertThat(doses).hasSize(2);
        firstDose = doses.get(0);
        secondDose = doses.get(1);
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
        trusted = List.of(OfflineBundleVerifier.readKey(keyFile));
    }

    @Test
    void aGenuineBundleCarriesItsEventsWithProofsAndVerifies() throws Exception {
        Path bundle = export();

        JsonNode manifest = JSON.readTree(entry(bundle, "manifest.json"));
        assertThat(manifest.get("format").asText()).isEqualTo("dose-ledger-export/2");
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
        assertThat(entry(bundle, "manifest.note")).startsWith(BundleFormats.EXPORT_MANIFEST_NOTE + "\n");
        // every event of the practice up to the export's own request, the last line
        long practiceEvents = jdbc.queryForObject(
                "select count(*) from practice_event where practice_id = ? and practice_sequence <= ("
                        + "select practice_sequence from practice_event p join domain_event_entry e"
                        + " using (event_identifier) where e.global_index = ?)",
                Long.class,
                stock.practice,
                manifest.at("/ledgerRange/toIndex").asLong());
        List<String> lines = entry(bundle, "evidence/events.jsonl").lines().toList();
        assertThat(lines).hasSize((int) practiceEvents);
        assertThat(lines.get(lines.size() - 1)).contains("ExportRequestedEvent");

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, trusted);

        assertThat(result.export().problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.export().manifestSigned()).isTrue();
        assertThat(result.export().evidenceEvents()).isEqualTo(practiceEvents);
        assertThat(result.export().practiceSequence()).isEqualTo(practiceEvents);
        assertThat(result.export().recordsBound()).isEqualTo(2);
        assertThat(OfflineBundleVerifier.run(new String[] {bundle.toString(), "--public-key", keyFile.toString()}))
                .isZero();
    }

    @Test
    void aRowDroppedWithTheManifestRehashedBreaksTheManifestsSignature() throws Exception {
        Path bundle = export();
        String exportId =
                JSON.readTree(entry(bundle, "manifest.json")).get("exportId").asText();

        Path forged = rewrite(bundle, dropRecord(secondDose), false);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(forged, trusted);
        assertThat(result.ok()).isFalse();
        assertThat(result.fileProblems()).isEmpty();
        assertThat(result.export().manifestSigned()).isFalse();
        assertThat(result.export().problems()).anyMatch(p -> p.startsWith("manifest.note signs another manifest"));
        assertThat(exportId).isNotBlank();
    }

    @Test
    void aRowDroppedByAServerThatReSignsIsFoundMissing() throws Exception {
        Path forged = rewrite(export(), dropRecord(secondDose), true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(forged, trusted);

        assertThat(result.export().manifestSigned()).isTrue();
        assertThat(result.ok()).isFalse();
        assertThat(result.export().problems())
                .anyMatch(p -> p.startsWith("RECORD_MISSING: the ADMINISTERED at ledger position " + secondDose));
    }

    @Test
    void aRowChangedByAServerThatReSignsDiffersFromItsEvent() throws Exception {
        Path forged = rewrite(
                export(),
                reports(record -> {
                    if (record.get("ledgerPosition").asLong() == secondDose) {
                        record.put("quantity", new java.math.BigDecimal("0.5"));
                        record.put("milligrams", new java.math.BigDecimal("25.0"));
                    }
                    return record;
                }),
                true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(forged, trusted);

        assertThat(result.ok()).isFalse();
        assertThat(result.export().problems())
                .anyMatch(p -> p.startsWith("RECORD_ALTERED: record 2 (ledger position " + secondDose
                        + ") differs from its event in quantity, milligrams"));
    }

    @Test
    void aCsvThatSaysOtherThanTheJsonIsFound() throws Exception {
        Path forged = rewrite(
                export(),
                files -> {
                    files.put(
                            "dispensing-record.csv",
                            text(files.get("dispensing-record.csv"))
                                    .replace(",0.6,", ",0.5,")
                                    .getBytes(StandardCharsets.UTF_8));
                    return files;
                },
                true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(forged, trusted);

        assertThat(result.ok()).isFalse();
        assertThat(result.export().problems())
                .contains("record 2 of dispensing-record.csv says quantity = 0.5, the JSON 0.6");
    }

    @Test
    void aRecordWhoseEventWasLeftOutOfTheEvidenceIsUnprovenAndItsStreamHasAGap() throws Exception {
        Path forged = rewrite(
                export(),
                files -> {
                    files.put("evidence/events.jsonl", withoutLine(files.get("evidence/events.jsonl"), firstDose));
                    files.put(
                            "evidence/inclusion.jsonl", withoutLine(files.get("evidence/inclusion.jsonl"), firstDose));
                    return files;
                },
                true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(forged, trusted);

        assertThat(result.ok()).isFalse();
        assertThat(result.export().problems())
                .anyMatch(p -> p.equals("record 1 names ledger position " + firstDose
                        + ", which is not among the bundle's proven events"))
                .anyMatch(p -> p.startsWith("STREAM_INCOMPLETE: stream "));
    }

    @Test
    void theNewestDoseLeftOutWithItsEventIsAGapInThePracticesSequence() throws Exception {
        // the lot's stream cut after its first dose is whole as far as it goes: only the practice's sequence
        // shows that its end is missing
        UnaryOperator<Map<String, byte[]>> dropRow = dropRecord(secondDose);
        long lotEnd = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                "lot:" + stock.practice + ":safe-1:42023-0113-10:LOT-P1");
        Path forged = rewrite(
                export(),
                files -> {
                    files = dropRow.apply(files);
                    for (long position = secondDose; position <= lotEnd; position++) {
                        files.put("evidence/events.jsonl", withoutLine(files.get("evidence/events.jsonl"), position));
                        files.put(
                                "evidence/inclusion.jsonl",
                                withoutLine(files.get("evidence/inclusion.jsonl"), position));
                    }
                    return files;
                },
                true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(forged, trusted);

        assertThat(result.export().manifestSigned()).isTrue();
        assertThat(result.ok()).isFalse();
        assertThat(result.export().problems())
                .anyMatch(
                        p -> p.startsWith("PRACTICE_INCOMPLETE: event number ") && p.endsWith(" is not in the bundle"))
                .noneMatch(p -> p.startsWith("STREAM_INCOMPLETE"));
    }

    @Test
    void aBundleCutBeforeItsOwnRequestProvesNothingAboutTheRest() throws Exception {
        Path bundle = export();
        long request = JSON.readTree(entry(bundle, "manifest.json"))
                .at("/ledgerRange/toIndex")
                .asLong();
        Path forged = rewrite(
                bundle,
                files -> {
                    files.put("evidence/events.jsonl", withoutLine(files.get("evidence/events.jsonl"), request));
                    files.put("evidence/inclusion.jsonl", withoutLine(files.get("evidence/inclusion.jsonl"), request));
                    return files;
                },
                true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(forged, trusted);

        assertThat(result.ok()).isFalse();
        assertThat(result.export().problems())
                .anyMatch(p -> p.startsWith("PRACTICE_INCOMPLETE: the event at the export's position " + request));
    }

    @Test
    void anEvidenceEventRewrittenIsCaughtByItsHashAndWithItsHashRecomputedByTheTree() throws Exception {
        Path bundle = export();
        Path altered = rewrite(bundle, evidenceEvent(secondDose, false), true);
        Path rehashed = rewrite(bundle, evidenceEvent(secondDose, true), true);

        assertThat(OfflineBundleVerifier.verify(altered, trusted).export().problems())
                .contains("EVENT_ALTERED: the event at position " + secondDose + " does not match its hash");
        assertThat(OfflineBundleVerifier.verify(rehashed, trusted).export().problems())
                .anyMatch(p -> p.startsWith("NOT_IN_TREE: the event at position " + secondDose));
    }

    @Test
    void aReadModelRowDeletedOnTheServerIsMissingFromTheExportAndTheVerifierSaysSo() throws Exception {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from stock_movement where ledger_position = ?", Long.class, secondDose)
                        == 1);
        // kept aside and put back after: other tests share this database and rebuild its read models
        jdbc.execute("create table if not exists kept_stock_movement as select * from stock_movement where false");
        jdbc.update(
                "insert into kept_stock_movement select * from stock_movement where ledger_position = ?", secondDose);
        jdbc.update("delete from stock_movement where ledger_position = ?", secondDose);
        try {
            Path bundle = export();

            assertThat(entry(bundle, "dispensing-record.csv").split("\r\n")).hasSize(2);
            OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, trusted);
            assertThat(result.export().manifestSigned()).isTrue();
            assertThat(result.ok()).isFalse();
            assertThat(result.export().problems())
                    .anyMatch(p -> p.startsWith("RECORD_MISSING: the ADMINISTERED at ledger position " + secondDose));
        } finally {
            jdbc.update(
                    "insert into stock_movement select * from kept_stock_movement where ledger_position = ?",
                    secondDose);
            jdbc.execute("drop table kept_stock_movement");
        }
    }

    @Test
    void aBundleWithoutItsTreeCheckpointOrSignedManifestDoesNotVerify() throws Exception {
        Path bundle = export();
        Path noTree = rewrite(
                bundle,
                files -> {
                    files.remove("tree-checkpoint.note");
                    return files;
                },
                true);
        Path noNote = rewrite(
                bundle,
                files -> {
                    files.remove("manifest.note");
                    return files;
                },
                false);

        assertThat(OfflineBundleVerifier.verify(noTree, trusted).ok()).isFalse();
        assertThat(OfflineBundleVerifier.verify(noTree, trusted).export().problems())
                .contains("tree-checkpoint.note is missing: no signed tree checkpoint covers the export's events");
        assertThat(OfflineBundleVerifier.verify(noNote, trusted).export().problems())
                .contains("manifest.note is missing: nothing shows the ledger wrote this manifest");
    }

    @Test
    void aBundleOfTheFirstFormatIsRefusedWithAReason() throws Exception {
        Path old = rewrite(
                export(),
                files -> {
                    ObjectNode manifest = (ObjectNode) json(files.get("manifest.json"));
                    manifest.put("format", "dose-ledger-export/1");
                    files.put("manifest.json", bytes(manifest));
                    return files;
                },
                true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(old, trusted);

        assertThat(result.ok()).isFalse();
        assertThat(result.export().problems())
                .anyMatch(p -> p.startsWith("the bundle's format is dose-ledger-export/1, which does not bind"));
    }

    // --- the forger's tools ---

    private Path export() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode job = http.post("/api/practices/" + stock.practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"dispensing-record\",\"from\":\"" + today.minusDays(2) + "\",\"to\":\""
                        + today.plusDays(2) + "\"}")
                .send()
                .json();
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("DONE");
        Path bundle = Files.createTempFile("export", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + job.get("downloadUrl").asText()))
                                .header("Authorization", "Bearer " + officer)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);
        return bundle;
    }

    /**
     * Rewrites a bundle's files, then fixes the manifest's SHA-256s and, with {@code resign}, signs the new
     * manifest with the ledger's own key, as a server that lies would.
     */
    private Path rewrite(Path bundle, UnaryOperator<Map<String, byte[]>> change, boolean resign) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                files.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        files = change.apply(files);
        ObjectNode manifest = (ObjectNode) json(files.get("manifest.json"));
        ObjectNode sha256 = manifest.putObject("sha256");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().equals("manifest.json") && !file.getKey().equals("manifest.note")) {
                sha256.put(file.getKey(), sha256(file.getValue()));
            }
        }
        byte[] manifestBytes = bytes(manifest);
        files.put("manifest.json", manifestBytes);
        if (resign) {
            files.put(
                    "manifest.note",
                    evidence.signManifest(manifest.get("exportId").asText(), sha256(manifestBytes))
                            .getBytes(StandardCharsets.UTF_8));
        }
        Path forged = Files.createTempFile("forged", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(forged))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return forged;
    }

    /** Changes every record of the JSON and the CSV alike (the CSV is rewritten from the JSON). */
    private static UnaryOperator<Map<String, byte[]>> reports(UnaryOperator<ObjectNode> change) {
        return files -> {
            ObjectNode report = (ObjectNode) json(files.get("dispensing-record.json"));
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode record : report.get("records")) {
                ObjectNode changed = change.apply((ObjectNode) record);
                if (changed != null) {
                    kept.add(changed);
                }
            }
            report.set("records", kept);
            report.put("recordCount", kept.size());
            files.put("dispensing-record.json", bytes(report));
            StringBuilder csv = new StringBuilder(text(files.get("dispensing-record.csv"))
                            .lines()
                            .findFirst()
                            .orElseThrow())
                    .append("\r\n");
            List<String> keys = new ArrayList<>();
            report.get("columns").forEach(column -> keys.add(column.get("key").asText()));
            for (JsonNode record : kept) {
                List<String> cells = new ArrayList<>();
                for (String key : keys) {
                    cells.add(csvCell(record.get(key)));
                }
                csv.append(String.join(",", cells)).append("\r\n");
            }
            files.put("dispensing-record.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            ObjectNode manifest = (ObjectNode) json(files.get("manifest.json"));
            ((ObjectNode) manifest.get("records")).put("dispensing-record", kept.size());
            files.put("manifest.json", bytes(manifest));
            return files;
        };
    }

    private static UnaryOperator<Map<String, byte[]>> dropRecord(long position) {
        return reports(record -> record.get("ledgerPosition").asLong() == position ? null : record);
    }

    /** Changes the stored quantity of an evidence event; with {@code rehash}, recomputes its hash too. */
    private static UnaryOperator<Map<String, byte[]>> evidenceEvent(long position, boolean rehash) {
        return files -> {
            List<String> lines = new ArrayList<>();
            for (String line : text(files.get("evidence/events.jsonl")).lines().toList()) {
                ObjectNode event = (ObjectNode) json(line.getBytes(StandardCharsets.UTF_8));
                if (event.get("globalIndex").asLong() == position) {
                    String payload = new String(
                            Base64.getDecoder().decode(event.get("payload").asText()), StandardCharsets.UTF_8);
                    event.put(
                            "payload",
                            Base64.getEncoder()
                                    .encodeToString(payload.replace("\"amount\":0.6", "\"amount\":0.5")
                                            .getBytes(StandardCharsets.UTF_8)));
                    if (rehash) {
                        event.put("eventHash", HexFormat.of().formatHex(eventHash(event)));
                    }
                }
                lines.add(event.toString());
            }
            files.put("evidence/events.jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            return files;
        };
    }

    private static byte[] eventHash(ObjectNode line) {
        HexFormat hex = HexFormat.of();
        Base64.Decoder base64 = Base64.getDecoder();
        return org.doseledger.core.integrity.EventHashes.eventHash(
                new org.doseledger.core.integrity.StoredEvent(
                        line.get("globalIndex").asLong(),
                        line.get("eventIdentifier").asText(),
                        line.get("aggregateIdentifier").asText(),
                        line.get("sequenceNumber").asLong(),
                        line.get("type").isNull() ? null : line.get("type").asText(),
                        line.get("payloadType").asText(),
                        line.get("payloadRevision").isNull()
                                ? null
                                : line.get("payloadRevision").asText(),
                        line.get("timeStamp").asText(),
                        base64.decode(line.get("payload").asText()),
                        line.get("metaData").isNull()
                                ? null
                                : base64.decode(line.get("metaData").asText()),
                        hex.parseHex(line.get("previousHash").asText()),
                        null),
                hex.parseHex(line.get("previousHash").asText()));
    }

    private static byte[] withoutLine(byte[] jsonl, long position) {
        StringBuilder kept = new StringBuilder();
        for (String line : text(jsonl).lines().toList()) {
            if (json(line.getBytes(StandardCharsets.UTF_8)).get("globalIndex").asLong() != position) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isBoolean() ? (value.booleanValue() ? "yes" : "no") : value.asText();
        if (value.isBigDecimal()) {
            text = value.decimalValue().toPlainString();
        }
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String entry(Path bundle, String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
