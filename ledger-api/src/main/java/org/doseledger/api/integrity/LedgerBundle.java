package org.doseledger.api.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.doseledger.core.integrity.ChainEntry;
import org.doseledger.core.integrity.Checkpoint;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.bundle.BundleFormats;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the sealed ledger as a verifiable bundle: a zip of the events as stored ({@code events.jsonl}),
 * the sealed chain ({@code chain.jsonl}), the signed checkpoints ({@code checkpoints.json}), the public
 * keys ({@code public-keys/<keyId>.pub}) and a {@code manifest.json} with the SHA-256 of each file. It
 * covers positions 1 to the last checkpoint, streamed in pages: memory stays flat however long the
 * ledger. {@link OfflineBundleVerifier} checks such a bundle with nothing but a public key.
 */
@Component
public class LedgerBundle {

    private static final int PAGE = 10_000;

    private final JdbcTemplate jdbc;
    private final SigningKeys keys;
    /** Times as ISO 8601 text, as the offline verifier reads them. */
    private final ObjectMapper json =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    LedgerBundle(JdbcTemplate jdbc, SigningKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public void write(OutputStream out, String generatedBy) throws IOException {
        List<Checkpoint> checkpoints = IntegrityStore.checkpoints(jdbc);
        long upTo = checkpoints.isEmpty()
                ? 0
                : checkpoints.get(checkpoints.size() - 1).toIndex();
        Map<String, String> files = new LinkedHashMap<>();
        long events = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Digesting file = entry(zip, "events.jsonl");
            long after = 0;
            while (true) {
                List<StoredEvent> page = IntegrityStore.events(jdbc, after, upTo, PAGE);
                for (StoredEvent event : page) {
                    file.line(json.writeValueAsBytes(eventLine(event)));
                    after = event.globalIndex();
                    events++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            files.put("events.jsonl", file.finish());

            file = entry(zip, "chain.jsonl");
            after = 0;
            while (true) {
                List<ChainEntry> page = jdbc.query(
                        "select " + IntegrityStore.CHAIN_COLUMNS
                                + " from ledger_chain where global_index > ? and global_index <= ? order by global_index"
                                + " limit ?",
                        IntegrityStore::chainEntry,
                        after,
                        upTo,
                        PAGE);
                for (ChainEntry link : page) {
                    file.line(json.writeValueAsBytes(Map.of(
                            "globalIndex", link.globalIndex(),
                            "eventHash", hex(link.eventHash()),
                            "chainHash", hex(link.chainHash()),
                            "checkpointNumber", link.checkpointNumber())));
                    after = link.globalIndex();
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            files.put("chain.jsonl", file.finish());

            file = entry(zip, "checkpoints.json");
            file.write(json.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(
                            checkpoints.stream().map(CheckpointView::of).toList()));
            files.put("checkpoints.json", file.finish());

            // the signed tree checkpoints covering the bundle's events, as C2SP notes a third party can check
            for (Map<String, Object> tree : jdbc.queryForList(
                    "select tree_size, note from ledger_tree_checkpoint where tree_size <="
                            + " (select count(*) from ledger_chain where global_index <= ?) order by tree_size",
                    upTo)) {
                String name = "tree-checkpoints/" + tree.get("tree_size") + ".note";
                file = entry(zip, name);
                String note = Witnessing.withCosignatures(
                        jdbc, ((Number) tree.get("tree_size")).longValue(), (String) tree.get("note"));
                file.write(note.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                files.put(name, file.finish());
            }

            for (Map.Entry<String, PublicKey> key : keys.trusted().entrySet()) {
                String name = "public-keys/" + key.getKey() + ".pub";
                file = entry(zip, name);
                file.write(Ed25519Keys.pemOf("PUBLIC KEY", key.getValue().getEncoded())
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                files.put(name, file.finish());
            }

            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", BundleFormats.LEDGER_BUNDLE);
            manifest.put("generatedAt", Instant.now().toString());
            manifest.put("generatedBy", generatedBy);
            manifest.put("fromIndex", 1);
            manifest.put("toIndex", upTo);
            manifest.put("events", events);
            manifest.put("checkpoints", checkpoints.size());
            manifest.put(
                    "lastCheckpoint",
                    checkpoints.isEmpty() ? null : CheckpointView.of(checkpoints.get(checkpoints.size() - 1)));
            manifest.put("sha256", files);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        }
    }

    static Map<String, Object> eventLine(StoredEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        Base64.Encoder base64 = Base64.getEncoder();
        line.put("globalIndex", event.globalIndex());
        line.put("eventIdentifier", event.eventIdentifier());
        line.put("aggregateIdentifier", event.aggregateIdentifier());
        line.put("sequenceNumber", event.sequenceNumber());
        line.put("type", event.type());
        line.put("payloadType", event.payloadType());
        line.put("payloadRevision", event.payloadRevision());
        line.put("timeStamp", event.timeStamp());
        line.put("payload", event.payload() == null ? null : base64.encodeToString(event.payload()));
        line.put("metaData", event.metaData() == null ? null : base64.encodeToString(event.metaData()));
        line.put("previousHash", hex(event.previousHash()));
        line.put("eventHash", hex(event.eventHash()));
        return line;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    private static Digesting entry(ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        return new Digesting(zip);
    }

    /** Writes one zip entry and hashes what it wrote. */
    private static final class Digesting extends FilterOutputStream {

        private final ZipOutputStream zip;
        private final MessageDigest digest;

        Digesting(ZipOutputStream zip) {
            super(zip);
            this.zip = zip;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void line(byte[] bytes) throws IOException {
            write(bytes);
            write('\n');
        }

        @Override
        public void write(int b) throws IOException {
            zip.write(b);
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            zip.write(bytes, offset, length);
            digest.update(bytes, offset, length);
        }

        /** Ends the entry (the zip stays open) and returns the SHA-256 of its content. */
        String finish() throws IOException {
            zip.closeEntry();
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
