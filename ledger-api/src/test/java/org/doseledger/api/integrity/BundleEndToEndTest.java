package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.StockFixture;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bundle of the sealed ledger, downloaded and checked offline with only the public key: the genuine
 * one passes; each tampered variant fails, even when the tamperer also fixed the manifest's hashes.
 */
class BundleEndToEndTest extends EndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    Path bundle;
    List<PublicKey> trusted;
    Path keyFile;

    @BeforeEach
    void aSealedLedgerDownloaded() throws Exception {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        long last = StockFixture.created(stock.receive("safe-1", "A", 1, "2027-06-30"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });
        bundle = Files.createTempFile("bundle", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/ledger/bundle"))
                                .header("Authorization", "Bearer " + adminKey)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);
        Path key = Files.createTempFile("key", ".pub");
        Files.writeString(
                key,
                http.get("/api/ledger/public-keys")
                        .key(adminKey)
                        .send()
                        .json()
                        .get(0)
                        .get("pem")
                        .asText());
        trusted = List.of(OfflineBundleVerifier.readKey(key));
        keyFile = key;
    }

    @Test
    void theCommandLineModeExitsZeroForAGenuineBundleAndTwoWithoutATrustedKey() throws IOException {
        assertThat(OfflineBundleVerifier.run(new String[] {bundle.toString(), "--public-key", keyFile.toString()}))
                .isZero();
        assertThat(OfflineBundleVerifier.run(new String[] {bundle.toString()})).isEqualTo(2);
    }

    @Test
    void theGenuineBundleIsCompleteAndUnaltered() throws IOException {
        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, trusted);

        assertThat(result.fileProblems()).isEmpty();
        assertThat(result.ledger().integrityOk()).isTrue();
        assertThat(result.ledger().completenessOk()).isTrue();
        assertThat(result.ledger().eventsChecked()).isPositive();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void aBundleMustExtendATreeCheckpointTheReaderHeldBefore() throws Exception {
        String heldNow =
                http.get("/api/ledger/tree/checkpoint").key(adminKey).send().text();
        Path heldFile = Files.createTempFile("held", ".note");
        Files.writeString(heldFile, heldNow);

        assertThat(OfflineBundleVerifier.verify(bundle, trusted, Optional.of(heldNow))
                        .ok())
                .as("the bundle covers what the reader held")
                .isTrue();
        assertThat(OfflineBundleVerifier.run(new String[] {
                    bundle.toString(), "--public-key", keyFile.toString(), "--checkpoint", heldFile.toString()
                }))
                .isZero();

        // the reader has since received a later checkpoint; a bundle that stops before it is cut short
        String practice = newPractice();
        long later = http.post("/api/practices/" + practice + "/locations")
                .key(issueKey("PRACTICE_WRITER", practice))
                .idempotencyKey(unique("idem"))
                .body("{\"locationId\":\"safe-9\",\"name\":\"Safe\",\"kind\":\"SAFE\",\"refrigerated\":false}")
                .send()
                .json()
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(global_index) from ledger_chain", Long.class);
            return sealed != null && sealed >= later;
        });
        String heldLater =
                http.get("/api/ledger/tree/checkpoint").key(adminKey).send().text();

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, trusted, Optional.of(heldLater));
        assertThat(result.ok()).isFalse();
        assertThat(result.ledger().completenessFailure().code()).isEqualTo("TRUNCATED_BELOW_HELD_CHECKPOINT");
    }

    @Test
    void aChangedFileNoLongerMatchesTheManifest() throws IOException {
        Path tampered =
                rewrite("events.jsonl", text -> text.replaceFirst("\"timeStamp\":\"2", "\"timeStamp\":\"1"), false);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(tampered, trusted);

        assertThat(result.ok()).isFalse();
        assertThat(result.fileProblems()).contains("events.jsonl does not match its SHA-256 in the manifest");
    }

    @Test
    void aChangedEventIsFoundEvenWithTheManifestFixed() throws IOException {
        Path tampered = rewrite("events.jsonl", BundleEndToEndTest::alterSomeReceipt, true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(tampered, trusted);

        assertThat(result.fileProblems()).isEmpty();
        assertThat(result.ledger().integrityFailure().code()).isEqualTo("EVENT_ALTERED");
    }

    @Test
    void aTruncatedBundleIsIncomplete() throws IOException {
        Path tampered =
                rewrite("events.jsonl", text -> text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1), true);

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(tampered, trusted);

        assertThat(result.ledger().completenessOk()).isFalse();
        assertThat(result.ledger().completenessFailure().code()).isEqualTo("EVENT_DELETED");
    }

    @Test
    void aBundleSignedByAnotherKeyIsNotTrusted() throws Exception {
        PublicKey stranger = java.security.KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPublic();

        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, List.of(stranger));

        assertThat(result.ok()).isFalse();
        assertThat(result.ledger().completenessFailure().code()).isEqualTo("CHECKPOINT_UNTRUSTED_KEY");
    }

    private static String alterSomeReceipt(String text) {
        StringBuilder out = new StringBuilder();
        boolean done = false;
        for (String line : text.split("\n")) {
            try {
                ObjectNode event = (ObjectNode) JSON.readTree(line);
                if (!done && event.get("payloadType").asText().endsWith("StockReceivedEvent")) {
                    String payload = new String(
                            java.util.Base64.getDecoder()
                                    .decode(event.get("payload").asText()),
                            StandardCharsets.UTF_8);
                    event.put(
                            "payload",
                            java.util.Base64.getEncoder()
                                    .encodeToString(
                                            payload.replaceFirst("\"invoiceNumber\":\"", "\"invoiceNumber\":\"FORGED-")
                                                    .getBytes(StandardCharsets.UTF_8)));
                    done = true;
                }
                out.append(JSON.writeValueAsString(event)).append('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    /** Copies the bundle with one entry's text changed, and (when asked) the manifest's hash of it fixed. */
    private Path rewrite(String entry, UnaryOperator<String> change, boolean fixManifest) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry zipEntry : new ArrayList<>(zip.stream().toList())) {
                files.put(zipEntry.getName(), zip.getInputStream(zipEntry).readAllBytes());
            }
        }
        byte[] changed = change.apply(new String(files.get(entry), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        files.put(entry, changed);
        if (fixManifest) {
            ObjectNode manifest = (ObjectNode) JSON.readTree(files.get("manifest.json"));
            ((ObjectNode) manifest.get("sha256")).put(entry, sha256(changed));
            files.put("manifest.json", JSON.writeValueAsBytes(manifest));
        }
        Path copy = Files.createTempFile("tampered", ".zip");
        try (OutputStream out = Files.newOutputStream(copy);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return copy;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
