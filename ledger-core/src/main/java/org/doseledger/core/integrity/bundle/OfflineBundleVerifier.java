package org.doseledger.core.integrity.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.doseledger.core.integrity.ChainEntry;
import org.doseledger.core.integrity.Checkpoint;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.KeyEndorsement;
import org.doseledger.core.integrity.LedgerVerifier;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.TreeEvidence;
import org.doseledger.core.integrity.VerificationReport;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.integrity.tlog.VerifierKey;

/**
 * Checks a ledger bundle with no network and no database: every file against the manifest's SHA-256,
 * then every event, chain link and checkpoint with {@link LedgerVerifier}, trusting only the public
 * keys given on the command line and the later keys they endorsed in the bundle's log ({@code
 * SigningKeyEndorsed}). An export bundle (format {@value #EXPORT_FORMAT}) is checked by {@link
 * ExportBundleVerifier}.
 * {@code java -jar dose-ledger.jar verify-bundle bundle.zip
 * --public-key <keyId>.pub [--public-key ...]}; exit code 0 when the bundle is complete and unaltered.
 */
public final class OfflineBundleVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The export bundle format ({@code docs/exports.md}): a report with a signed manifest, the checkpoints
     * that cover it, and the events its records were built from with their inclusion proofs.
     */
    public static final String EXPORT_FORMAT = "dose-ledger-export/2";

    /** What every export bundle's format starts with, this one and the earlier ones the verifier refuses. */
    static final String EXPORT_FORMATS = "dose-ledger-export/";

    /**
     * The outcome: whether the files match the manifest, and the ledger verification of their content (a
     * ledger bundle) or the check of the checkpoint that covers it (an export bundle).
     */
    public record Result(
            boolean filesMatchManifest, List<String> fileProblems, VerificationReport ledger, ExportCheck export) {

        public Result(boolean filesMatchManifest, List<String> fileProblems, VerificationReport ledger) {
            this(filesMatchManifest, fileProblems, ledger, null);
        }

        public boolean ok() {
            return filesMatchManifest && (export != null ? export.ok() : ledger != null && ledger.ok());
        }
    }

    /**
     * What an export bundle's checkpoint proves: it is signed by a trusted key and unaltered, and it seals
     * the ledger position the export was read at ({@code ledgerPosition <= checkpointToIndex}).
     */
    public record ExportCheck(
            String exportType,
            long records,
            long ledgerPosition,
            long checkpointNumber,
            long checkpointToIndex,
            String keyId,
            boolean checkpointTrusted,
            boolean checkpointSignatureValid,
            boolean covered,
            boolean manifestSigned,
            long treeSize,
            long evidenceEvents,
            long recordsBound,
            long practiceSequence,
            List<String> problems) {

        public boolean ok() {
            return checkpointTrusted && checkpointSignatureValid && covered && manifestSigned && problems.isEmpty();
        }
    }

    private OfflineBundleVerifier() {}

    public static int run(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println(
                    "usage: verify-bundle <bundle.zip> --public-key <file.pub> [--public-key <file.pub>]"
                            + " [--checkpoint <a tree checkpoint note received earlier>"
                            + " [--consistency-proof <GET /api/ledger/tree/proofs/consistency from its size to the bundle's>]]");
            return 2;
        }
        List<PublicKey> keys = new ArrayList<>();
        String held = null;
        String proof = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                keys.add(readKey(Path.of(args[++i])));
            } else if (args[i].equals("--checkpoint") && i + 1 < args.length) {
                held = Files.readString(Path.of(args[++i]));
            } else if (args[i].equals("--consistency-proof") && i + 1 < args.length) {
                proof = Files.readString(Path.of(args[++i]));
            } else {
                System.err.println("unknown argument: " + args[i]);
                return 2;
            }
        }
        if (keys.isEmpty()) {
            System.err.println("give the public key(s) you trust with --public-key; the bundle's own are not trusted");
            return 2;
        }
        if (proof != null && held == null) {
            System.err.println("--consistency-proof proves consistency with the checkpoint given with --checkpoint:"
                    + " give both");
            return 2;
        }
        Result result = verify(Path.of(args[0]), keys, Optional.ofNullable(held), Optional.ofNullable(proof));
        System.out.println(
                JSON.findAndRegisterModules().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return result.ok() ? 0 : 1;
    }

    public static Result verify(Path bundle, List<PublicKey> trusted) throws IOException {
        return verify(bundle, trusted, Optional.empty());
    }

    /**
     * @param heldCheckpoint a tree checkpoint (C2SP signed note) the reader received earlier, from the ledger,
     *     a witness or another export: the bundle's tree must extend it. It must verify with a trusted key.
     */
    public static Result verify(Path bundle, List<PublicKey> trusted, Optional<String> heldCheckpoint)
            throws IOException {
        return verify(bundle, trusted, heldCheckpoint, Optional.empty());
    }

    /**
     * @param consistencyProof for an export bundle, the ledger's consistency proof (JSON of GET
     *     /api/ledger/tree/proofs/consistency) from the held checkpoint's size to the bundle's tree, checked
     *     against both signed roots; for a held checkpoint of a size no earlier bundle of the practice had
     */
    public static Result verify(
            Path bundle, List<PublicKey> trusted, Optional<String> heldCheckpoint, Optional<String> consistencyProof)
            throws IOException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        trusted.forEach(key -> keys.put(Ed25519Keys.keyId(key), key));
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry manifestEntry = zip.getEntry("manifest.json");
            if (manifestEntry == null) {
                return new Result(false, List.of("manifest.json is missing"), null);
            }
            JsonNode manifest = JSON.readTree(zip.getInputStream(manifestEntry));
            List<String> problems = new ArrayList<>();
            if (manifest.path("format").asText().startsWith(EXPORT_FORMATS)) {
                return ExportBundleVerifier.verify(zip, manifest, keys, heldCheckpoint, consistencyProof);
            }
            if (!BundleFormats.LEDGER_BUNDLE.equals(manifest.path("format").asText())) {
                problems.add("unknown bundle format " + manifest.path("format").asText());
            }
            manifest.path("sha256").fields().forEachRemaining(file -> {
                ZipEntry entry = zip.getEntry(file.getKey());
                if (entry == null) {
                    problems.add(file.getKey() + " is listed in the manifest but missing");
                } else if (!sha256(zip, entry).equals(file.getValue().asText())) {
                    problems.add(file.getKey() + " does not match its SHA-256 in the manifest");
                }
            });
            zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> !name.equals("manifest.json")
                            && !manifest.path("sha256").has(name))
                    .forEach(name -> problems.add(name + " is in the bundle but not in the manifest"));
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (JsonNode node : JSON.readTree(zip.getInputStream(zip.getEntry("checkpoints.json")))) {
                checkpoints.add(checkpoint(node));
            }
            long lastSealed = checkpoints.isEmpty()
                    ? 0
                    : checkpoints.get(checkpoints.size() - 1).toIndex();
            if (manifest.path("toIndex").asLong() != lastSealed) {
                problems.add("the manifest says the bundle ends at position "
                        + manifest.path("toIndex").asLong() + " but its last checkpoint ends at " + lastSealed);
            }
            List<String> treeNotes = new ArrayList<>();
            for (ZipEntry entry : zip.stream()
                    .filter(e -> e.getName().startsWith("tree-checkpoints/"))
                    .toList()) {
                treeNotes.add(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
            // the keys given, and every later key they endorsed in the bundle's log
            Map<String, PublicKey> followed = KeyEndorsement.follow(keys, endorsements(zip));
            List<VerifierKey> logKeys = logKeys(treeNotes, heldCheckpoint, List.copyOf(followed.values()));
            Optional<org.doseledger.core.integrity.tlog.Checkpoint> held = Optional.empty();
            if (heldCheckpoint.isPresent()) {
                try {
                    SignedNote note = SignedNote.parse(heldCheckpoint.get());
                    note.verify(logKeys);
                    held = Optional.of(org.doseledger.core.integrity.tlog.Checkpoint.fromNote(note));
                } catch (RuntimeException e) {
                    problems.add("the checkpoint given with --checkpoint does not verify with a trusted key: "
                            + e.getMessage());
                }
            }
            Instant generated = Instant.parse(
                    manifest.path("generatedAt").asText(Instant.now().toString()));
            PracticeNumbering numbering = new PracticeNumbering();
            VerificationReport report = numbering.apply(new LedgerVerifier(followed)
                    .verify(
                            numbering.watch(new Lines<>(zip, "events.jsonl", OfflineBundleVerifier::event)),
                            new Lines<>(zip, "chain.jsonl", OfflineBundleVerifier::link),
                            checkpoints,
                            new TreeEvidence(treeNotes, logKeys, held, generated, Duration.ofDays(36_500))));
            if (report.eventsChecked() != manifest.path("events").asLong()) {
                problems.add("the manifest lists " + manifest.path("events").asLong() + " events, the bundle holds "
                        + report.eventsChecked());
            }
            return new Result(problems.isEmpty(), problems, report);
        }
    }

    /** The key endorsements among the bundle's events ({@code SigningKeyEndorsed}), in log order. */
    private static List<KeyEndorsement> endorsements(ZipFile zip) throws IOException {
        return endorsements(zip, "events.jsonl");
    }

    /** The key endorsements among the events of one file of a bundle, in log order. */
    static List<KeyEndorsement> endorsements(ZipFile zip, String file) throws IOException {
        List<KeyEndorsement> endorsements = new ArrayList<>();
        ZipEntry events = zip.getEntry(file);
        if (events == null) {
            return endorsements;
        }
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(zip.getInputStream(events), StandardCharsets.UTF_8))) {
            for (String raw; (raw = reader.readLine()) != null; ) {
                // parse only the few lines that can be endorsements
                if (!raw.contains(KeyEndorsement.EVENT_TYPE)) {
                    continue;
                }
                JsonNode line = JSON.readTree(raw);
                if (KeyEndorsement.EVENT_TYPE.equals(text(line, "payloadType"))
                        && !line.path("payload").isNull()) {
                    KeyEndorsement endorsement = KeyEndorsement.fromEventPayload(
                            Base64.getDecoder().decode(line.path("payload").asText()));
                    if (endorsement != null) {
                        endorsements.add(endorsement);
                    }
                }
            }
        }
        return endorsements;
    }

    /**
     * The trusted keys as note verifier keys, for every origin the notes name: the name is only a label,
     * the key is what is trusted.
     */
    static List<VerifierKey> logKeys(
            List<String> notes, Optional<String> held, java.util.Collection<PublicKey> trusted) {
        java.util.Set<String> origins = new java.util.TreeSet<>();
        java.util.stream.Stream.concat(notes.stream(), held.stream()).forEach(note -> {
            int end = note.indexOf('\n');
            if (end > 0) {
                origins.add(note.substring(0, end));
            }
        });
        List<VerifierKey> keys = new ArrayList<>();
        for (String origin : origins) {
            for (PublicKey key : trusted) {
                try {
                    keys.add(new VerifierKey(origin, SignatureType.ED25519, Ed25519Keys.rawPublicKey(key)));
                } catch (RuntimeException notANoteKeyName) {
                    // an origin that is no valid key name cannot have signed anything we trust
                }
            }
        }
        return keys;
    }

    /** Every file listed with its SHA-256, and no file that is not listed. */
    static List<String> fileProblems(ZipFile zip, JsonNode manifest) {
        List<String> problems = new ArrayList<>();
        manifest.path("sha256").fields().forEachRemaining(file -> {
            ZipEntry entry = zip.getEntry(file.getKey());
            if (entry == null) {
                problems.add(file.getKey() + " is listed in the manifest but missing");
            } else if (!sha256(zip, entry).equals(file.getValue().asText())) {
                problems.add(file.getKey() + " does not match its SHA-256 in the manifest");
            }
        });
        zip.stream()
                .map(ZipEntry::getName)
                .filter(name -> !name.equals("manifest.json")
                        && !name.equals("manifest.note")
                        && !manifest.path("sha256").has(name))
                .forEach(name -> problems.add(name + " is in the bundle but not in the manifest"));
        return problems;
    }

    static boolean verifies(PublicKey key, byte[] signed, byte[] signature) {
        try {
            java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey readKey(Path file) throws IOException {
        try {
            return Ed25519Keys.publicKey(Ed25519Keys.pem(Files.readString(file)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 public key in PEM", e);
        }
    }

    static StoredEvent event(JsonNode line) {
        Base64.Decoder base64 = Base64.getDecoder();
        return new StoredEvent(
                line.path("globalIndex").asLong(),
                text(line, "eventIdentifier"),
                text(line, "aggregateIdentifier"),
                line.path("sequenceNumber").asLong(),
                text(line, "type"),
                text(line, "payloadType"),
                text(line, "payloadRevision"),
                text(line, "timeStamp"),
                line.path("payload").isNull()
                        ? null
                        : base64.decode(line.path("payload").asText()),
                line.path("metaData").isNull()
                        ? null
                        : base64.decode(line.path("metaData").asText()),
                hex(line, "previousHash"),
                hex(line, "eventHash"));
    }

    private static ChainEntry link(JsonNode line) {
        return new ChainEntry(
                line.path("globalIndex").asLong(),
                hex(line, "eventHash"),
                hex(line, "chainHash"),
                line.path("checkpointNumber").asLong());
    }

    static Checkpoint checkpoint(JsonNode node) {
        return new Checkpoint(
                node.path("number").asLong(),
                node.path("fromIndex").asLong(),
                node.path("toIndex").asLong(),
                node.path("eventCount").asLong(),
                hex(node, "chainHash"),
                hex(node, "previousCheckpointHash"),
                Instant.parse(node.path("sealedAt").asText()),
                text(node, "keyId"),
                hex(node, "signature"),
                hex(node, "checkpointHash"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static byte[] hex(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : HexFormat.of().parseHex(value);
    }

    static String sha256(ZipFile zip, ZipEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One JSON document per line of a zip entry, read as they are consumed. */
    private static final class Lines<T> implements Iterator<T> {

        private final BufferedReader reader;
        private final java.util.function.Function<JsonNode, T> parse;
        private String next;

        Lines(ZipFile zip, String name, java.util.function.Function<JsonNode, T> parse) throws IOException {
            ZipEntry entry = zip.getEntry(name);
            this.reader = entry == null
                    ? new BufferedReader(new java.io.StringReader(""))
                    : new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
            this.parse = parse;
            advance();
        }

        private void advance() {
            try {
                do {
                    next = reader.readLine();
                } while (next != null && next.isBlank());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public T next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            try {
                T parsed = parse.apply(JSON.readTree(next));
                advance();
                return parsed;
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable line in the bundle", e);
            }
        }
    }
}
