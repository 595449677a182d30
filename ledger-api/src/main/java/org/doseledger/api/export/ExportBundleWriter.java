package org.doseledger.api.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.doseledger.api.integrity.CheckpointView;
import org.doseledger.api.integrity.LedgerEvidence;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.ExportType;
import org.doseledger.projections.export.ReportFooter;
import org.doseledger.projections.export.ReportFormat;
import org.doseledger.projections.export.ReportHeader;
import org.doseledger.projections.export.ReportSink;
import org.springframework.util.FileSystemUtils;

/**
 * Writes an export as a verifiable bundle: one pass over the records feeds every format's sink at once,
 * each into its own file hashed while it is written (so the records are read once and never held in
 * memory), plus any files of the type's own (such as the PDMP's ASAP file, written in the same pass),
 * then the zip gets those files, the evidence (the stored events the records were built from, each with
 * its inclusion proof in {@code tree-checkpoint.note}, the signed tree checkpoint covering the export),
 * {@code checkpoint.json} (the signed chain checkpoint), {@code manifest.json} with the SHA-256 of every
 * other file and, last, {@code manifest.note}: the manifest's SHA-256 signed with the ledger's key.
 */
final class ExportBundleWriter {

    static final String FORMAT = org.doseledger.core.integrity.bundle.OfflineBundleVerifier.EXPORT_FORMAT;
    private static final int PROGRESS_EVERY = 1000;
    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What was written: record count, each file's SHA-256, the manifest's, and the bundle's size and SHA-256. */
    record Written(long records, Map<String, String> files, String manifestSha256, long bytes, String bundleSha256) {}

    /** The bundle's evidence: the stored events its records were built from, with their inclusion proofs. */
    static final String EVIDENCE_EVENTS = "evidence/events.jsonl";

    static final String EVIDENCE_PROOFS = "evidence/inclusion.jsonl";
    /** Consistency proofs from the trees of the practice's earlier bundles to this bundle's tree. */
    static final String EVIDENCE_CONSISTENCY = "evidence/consistency.jsonl";

    static final String TREE_CHECKPOINT = "tree-checkpoint.note";
    static final String MANIFEST_NOTE = "manifest.note";

    private final List<ReportFormat> formats;
    private final ExportEvidence evidence;

    ExportBundleWriter(List<ReportFormat> formats, ExportEvidence evidence) {
        this.formats = List.copyOf(formats);
        this.evidence = evidence;
    }

    /**
     * @param manifest the manifest's fields besides {@code sha256} and {@code records}, in order
     * @param progress told the number of records written so far, every {@value #PROGRESS_EVERY}
     */
    Written write(
            Path bundle,
            ExportType type,
            ExportQuery query,
            ReportHeader header,
            CheckpointView checkpoint,
            Map<String, Object> manifest,
            LongConsumer progress)
            throws IOException {
        int positionColumn = columnIndex(type, "ledgerPosition");
        java.util.SortedSet<Long> positions = new java.util.TreeSet<>();
        Path parts = bundle.resolveSibling(bundle.getFileName() + ".parts");
        OwnerOnlyFiles.createDirectories(parts);
        try {
            List<Part> open = new ArrayList<>();
            try {
                for (ReportFormat format : formats) {
                    String name = type.name() + "." + format.extension();
                    DigestOutputStream out = new DigestOutputStream(
                            new BufferedOutputStream(OwnerOnlyFiles.newOutputStream(parts.resolve(name)), 64 * 1024),
                            sha256());
                    open.add(new Part(name, out, format.factory().open(out)));
                }
                Map<String, java.io.OutputStream> extra = new LinkedHashMap<>();
                for (String name : type.extraFiles()) {
                    DigestOutputStream out = new DigestOutputStream(
                            new BufferedOutputStream(OwnerOnlyFiles.newOutputStream(parts.resolve(name)), 64 * 1024),
                            sha256());
                    open.add(new Part(name, out, null));
                    extra.put(name, out);
                }
                for (Part part : open) {
                    if (part.sink() != null) {
                        part.sink().begin(header, type.columns());
                    }
                }
                long[] written = {0};
                ReportFooter footer = type.write(
                        query,
                        cells -> {
                            if (positionColumn >= 0 && cells.get(positionColumn) instanceof Number position) {
                                positions.add(position.longValue());
                            }
                            for (Part part : open) {
                                if (part.sink() != null) {
                                    part.sink().row(cells);
                                }
                            }
                            if (++written[0] % PROGRESS_EVERY == 0) {
                                progress.accept(written[0]);
                            }
                        },
                        extra);
                for (Part part : open) {
                    if (part.sink() != null) {
                        part.sink().end(footer);
                    }
                }
                progress.accept(written[0]);
                Map<String, String> files = new LinkedHashMap<>();
                for (Part part : open) {
                    part.out().close();
                    files.put(part.name(), hex(part.out().getMessageDigest()));
                }
                LedgerEvidence.TreeNote tree = evidence.covering(checkpoint.toIndex());
                long evidenceEvents;
                try (DigestOutputStream events = digesting(parts.resolve(EVIDENCE_EVENTS));
                        DigestOutputStream proofs = digesting(parts.resolve(EVIDENCE_PROOFS))) {
                    evidenceEvents = evidence.write(
                            positions,
                            type.provesWholeStreams(),
                            query.practiceId().value(),
                            query.upTo(),
                            tree.size(),
                            events,
                            proofs);
                    events.close();
                    proofs.close();
                    files.put(EVIDENCE_EVENTS, hex(events.getMessageDigest()));
                    files.put(EVIDENCE_PROOFS, hex(proofs.getMessageDigest()));
                }
                try (DigestOutputStream consistency = digesting(parts.resolve(EVIDENCE_CONSISTENCY))) {
                    evidence.writeConsistency(query.practiceId().value(), tree.size(), consistency);
                    consistency.close();
                    files.put(EVIDENCE_CONSISTENCY, hex(consistency.getMessageDigest()));
                }
                Files.writeString(parts.resolve(TREE_CHECKPOINT), tree.note());
                files.put(TREE_CHECKPOINT, hex(sha256().digest(Files.readAllBytes(parts.resolve(TREE_CHECKPOINT)))));
                Map<String, Object> fields = new LinkedHashMap<>(manifest);
                fields.put("treeSize", tree.size());
                fields.put("evidence", Map.of("events", evidenceEvents, "wholeStreams", type.provesWholeStreams()));
                return zip(bundle, parts, files, written[0], type, checkpoint, fields);
            } finally {
                for (Part part : open) {
                    part.out().close();
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(parts);
        }
    }

    private static int columnIndex(ExportType type, String key) {
        for (int i = 0; i < type.columns().size(); i++) {
            if (type.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static DigestOutputStream digesting(Path file) throws IOException {
        OwnerOnlyFiles.createDirectories(file.getParent());
        return new DigestOutputStream(
                new BufferedOutputStream(OwnerOnlyFiles.newOutputStream(file), 64 * 1024), sha256());
    }

    /** One file being written: a report format with its sink, or a type's own file (no sink). */
    private record Part(String name, DigestOutputStream out, ReportSink sink) {}

    private Written zip(
            Path bundle,
            Path parts,
            Map<String, String> reports,
            long records,
            ExportType type,
            CheckpointView checkpoint,
            Map<String, Object> fields)
            throws IOException {
        Path partial = bundle.resolveSibling(bundle.getFileName() + ".partial");
        Map<String, String> files = new LinkedHashMap<>(reports);
        // it holds client names and addresses: the owner's alone from its first byte
        DigestOutputStream bundleOut = new DigestOutputStream(
                new BufferedOutputStream(OwnerOnlyFiles.newOutputStream(partial), 64 * 1024), sha256());
        String manifestSha256;
        try (ZipOutputStream zip = new ZipOutputStream(bundleOut)) {
            for (String name : reports.keySet()) {
                zip.putNextEntry(new ZipEntry(name));
                Files.copy(parts.resolve(name), zip);
                zip.closeEntry();
            }
            byte[] checkpointJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint);
            zip.putNextEntry(new ZipEntry("checkpoint.json"));
            zip.write(checkpointJson);
            zip.closeEntry();
            files.put("checkpoint.json", hex(sha256().digest(checkpointJson)));

            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.putAll(fields);
            manifest.put("records", Map.of(type.name(), records));
            manifest.put("sha256", files);
            byte[] manifestJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifestJson);
            zip.closeEntry();
            manifestSha256 = hex(sha256().digest(manifestJson));
            // the ledger's key signs the manifest, which holds every other file's SHA-256
            zip.putNextEntry(new ZipEntry(MANIFEST_NOTE));
            zip.write(evidence.signManifest((String) fields.get("exportId"), manifestSha256)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        long bytes = Files.size(partial);
        Files.move(partial, bundle, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(records, files, manifestSha256, bytes, hex(bundleOut.getMessageDigest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
