package org.doseledger.core.integrity.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.doseledger.core.integrity.Checkpoint;
import org.doseledger.core.integrity.EventHashes;
import org.doseledger.core.integrity.KeyEndorsement;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.tlog.LedgerLeaf;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.integrity.tlog.VerifierKey;
import org.doseledger.core.shared.CsvText;

/**
 * Checks an export bundle ({@value OfflineBundleVerifier#EXPORT_FORMAT}) with the trusted keys alone:
 * the manifest is signed by the ledger's key and names every file with its SHA-256; the tree checkpoint
 * is signed; every evidence event is the one the ledger stored (its hash recomputed from its columns) and
 * is in that checkpoint's tree (inclusion proof); every record names an evidence event and, for the types
 * the verifier can rebuild, says what that event says; the CSV holds the JSON's records cell for cell; and
 * for the dispensing record, every dose of the streams the bundle carries whole is a record.
 */
final class ExportBundleVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Decimals read exactly as written: a JSON 95.0 stays 95.0, as its CSV cell says (Jackson's default node
     * factory strips trailing zeros, which made every such cell differ).
     */
    private static final ObjectReader DECIMALS = JSON.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    /** Problems listed in full; beyond that only counted, so that a rewritten export gives a readable answer. */
    private static final int MAX_PROBLEMS = 50;

    private static final String DISPENSING_RECORD = "dispensing-record";

    private final ZipFile zip;
    private final JsonNode manifest;
    private final Map<String, PublicKey> keys;
    private final Problems problems = new Problems();
    private final Map<Long, StoredEvent> evidence = new TreeMap<>();

    private ExportBundleVerifier(ZipFile zip, JsonNode manifest, Map<String, PublicKey> keys) {
        this.zip = zip;
        this.manifest = manifest;
        this.keys = keys;
    }

    /**
     * The keys given, and every later key they endorsed: the bundle's evidence carries the log's key
     * endorsements, each signed by the key before it, so a verifier pinning an earlier key follows a rotation.
     */
    static OfflineBundleVerifier.Result verify(ZipFile zip, JsonNode manifest, Map<String, PublicKey> keys)
            throws IOException {
        return verify(zip, manifest, keys, Optional.empty());
    }

    /**
     * As above; with {@code held}, a tree checkpoint the reader received earlier (from an earlier bundle of
     * the practice), the bundle must prove that its tree extends that one (evidence/consistency.jsonl).
     */
    static OfflineBundleVerifier.Result verify(
            ZipFile zip, JsonNode manifest, Map<String, PublicKey> keys, Optional<String> held) throws IOException {
        return verify(zip, manifest, keys, held, Optional.empty());
    }

    /**
     * As above; {@code proof} is a consistency proof the reader fetched from the ledger (GET
     * /api/ledger/tree/proofs/consistency) from the held checkpoint's size to the bundle's tree, for a held
     * checkpoint of a size no earlier bundle had. It is checked against the two signed roots, not trusted.
     */
    static OfflineBundleVerifier.Result verify(
            ZipFile zip, JsonNode manifest, Map<String, PublicKey> keys, Optional<String> held, Optional<String> proof)
            throws IOException {
        Map<String, PublicKey> followed =
                KeyEndorsement.follow(keys, OfflineBundleVerifier.endorsements(zip, "evidence/events.jsonl"));
        ExportBundleVerifier verifier = new ExportBundleVerifier(zip, manifest, followed);
        verifier.held = held;
        verifier.fetchedProof = proof;
        return verifier.verify();
    }

    private Optional<String> held = Optional.empty();
    private Optional<String> fetchedProof = Optional.empty();

    private OfflineBundleVerifier.Result verify() throws IOException {
        List<String> fileProblems = OfflineBundleVerifier.fileProblems(zip, manifest);
        String type = manifest.path("exportType").asText();
        long records = manifest.path("records").path(type).asLong(-1);
        long position = manifest.path("ledgerRange").path("toIndex").asLong(-1);
        if (!OfflineBundleVerifier.EXPORT_FORMAT.equals(manifest.path("format").asText())) {
            problems.add("the bundle's format is " + manifest.path("format").asText() + ", which does not bind its"
                    + " records to the ledger; request the export again to get " + OfflineBundleVerifier.EXPORT_FORMAT);
        }
        Optional<TreeCheckpoint> tree = treeCheckpoint();
        boolean manifestSigned = tree.isPresent() && manifestSigned(tree.get().logKeys());

        ZipEntry checkpointEntry = zip.getEntry("checkpoint.json");
        Checkpoint checkpoint = checkpointEntry == null
                ? null
                : OfflineBundleVerifier.checkpoint(JSON.readTree(zip.getInputStream(checkpointEntry)));
        boolean trusted = false;
        boolean signed = false;
        boolean covered = false;
        if (checkpoint == null) {
            problems.add("checkpoint.json is missing: no signed checkpoint covers the export");
        } else {
            PublicKey key = keys.get(checkpoint.keyId());
            trusted = key != null;
            if (!trusted) {
                problems.add("checkpoint " + checkpoint.number() + " is signed with key " + checkpoint.keyId()
                        + ", which is not among the trusted keys");
            } else {
                signed = OfflineBundleVerifier.verifies(key, checkpoint.signedBytes(), checkpoint.signature())
                        && Arrays.equals(
                                OfflineBundleVerifier.sha256(checkpoint.signedBytes()), checkpoint.checkpointHash());
                if (!signed) {
                    problems.add("checkpoint " + checkpoint.number() + " does not verify: it was altered");
                }
            }
            if (manifest.path("checkpointNumber").asLong() != checkpoint.number()) {
                problems.add("the manifest names checkpoint "
                        + manifest.path("checkpointNumber").asLong() + " but the bundle carries checkpoint "
                        + checkpoint.number());
            }
            covered = position >= 0 && position <= checkpoint.toIndex();
            if (!covered) {
                problems.add("the export was read at ledger position " + position + ", which checkpoint "
                        + checkpoint.number() + " (to " + checkpoint.toIndex() + ") does not cover");
            }
        }
        if (tree.isPresent()) {
            readEvidence(tree.get().checkpoint(), position);
            if (held.isPresent()) {
                checkConsistency(held.get(), tree.get());
            }
        }
        long bound = checkRecords(type, records);
        long practiceEvents = tree.isPresent() ? checkPracticeSequence(position) : 0;
        if (type.equals(DISPENSING_RECORD)) {
            checkDoses(position);
        }
        checkCsv(type);
        return new OfflineBundleVerifier.Result(
                fileProblems.isEmpty(),
                fileProblems,
                null,
                new OfflineBundleVerifier.ExportCheck(
                        type,
                        records,
                        position,
                        checkpoint == null ? 0 : checkpoint.number(),
                        checkpoint == null ? 0 : checkpoint.toIndex(),
                        checkpoint == null ? null : checkpoint.keyId(),
                        trusted,
                        signed,
                        covered,
                        manifestSigned,
                        tree.map(t -> t.checkpoint().size()).orElse(0L),
                        evidence.size(),
                        bound,
                        practiceEvents,
                        problems.list()));
    }

    private record TreeCheckpoint(
            org.doseledger.core.integrity.tlog.Checkpoint checkpoint, List<VerifierKey> logKeys) {}

    /** The signed tree checkpoint: it must verify with a trusted key and be the tree the manifest names. */
    private Optional<TreeCheckpoint> treeCheckpoint() throws IOException {
        ZipEntry entry = zip.getEntry("tree-checkpoint.note");
        if (entry == null) {
            problems.add("tree-checkpoint.note is missing: no signed tree checkpoint covers the export's events");
            return Optional.empty();
        }
        String note = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        List<VerifierKey> logKeys = OfflineBundleVerifier.logKeys(List.of(note), Optional.empty(), keys.values());
        try {
            SignedNote signedNote = SignedNote.parse(note);
            signedNote.verify(logKeys);
            org.doseledger.core.integrity.tlog.Checkpoint checkpoint =
                    org.doseledger.core.integrity.tlog.Checkpoint.fromNote(signedNote);
            if (manifest.path("treeSize").asLong(-1) != checkpoint.size()) {
                problems.add("the manifest names a tree of "
                        + manifest.path("treeSize").asText() + " leaves but" + " tree-checkpoint.note is of "
                        + checkpoint.size());
            }
            return Optional.of(new TreeCheckpoint(checkpoint, logKeys));
        } catch (RuntimeException e) {
            problems.add("tree-checkpoint.note does not verify with a trusted key: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code manifest.note} is signed by a trusted key and names this export and this manifest's SHA-256. */
    private boolean manifestSigned(List<VerifierKey> logKeys) throws IOException {
        ZipEntry entry = zip.getEntry("manifest.note");
        if (entry == null) {
            problems.add("manifest.note is missing: nothing shows the ledger wrote this manifest");
            return false;
        }
        String sha256 = OfflineBundleVerifier.sha256(zip, zip.getEntry("manifest.json"));
        try {
            SignedNote note =
                    SignedNote.parse(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            note.verify(logKeys);
            String expected =
                    BundleFormats.manifestNoteText(manifest.path("exportId").asText(), sha256);
            if (!note.text().equals(expected)) {
                problems.add("manifest.note signs another manifest or export: it says "
                        + note.text().strip().replace('\n', ' ') + ", the bundle's manifest has SHA-256 "
                        + sha256);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            problems.add("manifest.note does not verify with a trusted key: " + e.getMessage());
            return false;
        }
    }

    /**
     * The held checkpoint verifies with a trusted key, and the bundle's tree extends it: a consistency proof
     * from its size to the bundle's tree, checked against both roots (RFC 9162).
     */
    private void checkConsistency(String heldNote, TreeCheckpoint tree) throws IOException {
        org.doseledger.core.integrity.tlog.Checkpoint earlier;
        try {
            SignedNote note = SignedNote.parse(heldNote);
            note.verify(OfflineBundleVerifier.logKeys(List.of(heldNote), Optional.empty(), keys.values()));
            earlier = org.doseledger.core.integrity.tlog.Checkpoint.fromNote(note);
        } catch (RuntimeException e) {
            problems.add(
                    "the checkpoint given with --checkpoint does not verify with a trusted key: " + e.getMessage());
            return;
        }
        org.doseledger.core.integrity.tlog.Checkpoint now = tree.checkpoint();
        if (earlier.size() == now.size()) {
            if (!Arrays.equals(earlier.rootHash(), now.rootHash())) {
                problems.add("INCONSISTENT: the checkpoint given with --checkpoint and the bundle's are of the same"
                        + " size " + now.size() + " with different roots: the log was rewritten");
            }
            return;
        }
        if (earlier.size() > now.size()) {
            problems.add("INCONSISTENT: the checkpoint given with --checkpoint is of " + earlier.size()
                    + " leaves, the bundle's of " + now.size() + ": the log the bundle comes from is shorter");
            return;
        }
        if (fetchedProof.isPresent()) {
            JsonNode proof = JSON.readTree(fetchedProof.get());
            if (proof.path("from").asLong() != earlier.size()
                    || proof.path("to").asLong() != now.size()) {
                problems.add("the consistency proof given is from "
                        + proof.path("from").asLong() + " to "
                        + proof.path("to").asLong() + " leaves, not from the checkpoint given with --checkpoint ("
                        + earlier.size() + ") to the bundle's tree (" + now.size() + ")");
                return;
            }
            consistent(earlier, now, proof.path("proof"));
            return;
        }
        ZipEntry entry = zip.getEntry("evidence/consistency.jsonl");
        if (entry != null) {
            HexFormat hex = HexFormat.of();
            try (BufferedReader lines = lines(entry)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode proof = JSON.readTree(line);
                    if (proof.path("fromSize").asLong() != earlier.size()) {
                        continue;
                    }
                    List<byte[]> path = new ArrayList<>();
                    proof.path("proof").forEach(node -> path.add(hex.parseHex(node.asText())));
                    if (!MerkleTree.verifyConsistency(
                            earlier.size(), now.size(), earlier.rootHash(), now.rootHash(), path)) {
                        problems.add("INCONSISTENT: the bundle's tree of " + now.size() + " leaves does not extend"
                                + " the checkpoint given with --checkpoint (" + earlier.size()
                                + " leaves): the log was rewritten");
                    }
                    return;
                }
            }
        }
        problems.add("the bundle carries no consistency proof from a tree of " + earlier.size() + " leaves (the"
                + " checkpoint given with --checkpoint); it proves consistency from the trees of the practice's earlier"
                + " export bundles only: fetch one from GET /api/ledger/tree/proofs/consistency?from="
                + earlier.size() + "&to=" + now.size() + " and give it with --consistency-proof");
    }

    /** Checks a proof's path against the two signed roots (the proof's own roots are not trusted). */
    private void consistent(
            org.doseledger.core.integrity.tlog.Checkpoint earlier,
            org.doseledger.core.integrity.tlog.Checkpoint now,
            JsonNode proof) {
        HexFormat hex = HexFormat.of();
        List<byte[]> path = new ArrayList<>();
        try {
            proof.forEach(node -> path.add(hex.parseHex(node.asText())));
        } catch (IllegalArgumentException e) {
            problems.add("the consistency proof given is not a list of hex hashes");
            return;
        }
        if (!MerkleTree.verifyConsistency(earlier.size(), now.size(), earlier.rootHash(), now.rootHash(), path)) {
            problems.add("INCONSISTENT: the bundle's tree of " + now.size() + " leaves does not extend the checkpoint"
                    + " given with --checkpoint (" + earlier.size() + " leaves): the log was rewritten");
        }
    }

    /**
     * Every evidence event: its hash recomputed from its stored columns, its leaf in the signed tree by its
     * inclusion proof, and a position the export was read at.
     */
    private void readEvidence(org.doseledger.core.integrity.tlog.Checkpoint tree, long position) throws IOException {
        ZipEntry eventsEntry = zip.getEntry("evidence/events.jsonl");
        ZipEntry proofsEntry = zip.getEntry("evidence/inclusion.jsonl");
        if (eventsEntry == null || proofsEntry == null) {
            problems.add("the evidence (evidence/events.jsonl, evidence/inclusion.jsonl) is missing");
            return;
        }
        HexFormat hex = HexFormat.of();
        try (BufferedReader events = lines(eventsEntry);
                BufferedReader proofs = lines(proofsEntry)) {
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                String proofLine = proofs.readLine();
                StoredEvent event = OfflineBundleVerifier.event(JSON.readTree(line));
                if (proofLine == null) {
                    problems.add("the event at position " + event.globalIndex() + " has no inclusion proof");
                    continue;
                }
                JsonNode proof = JSON.readTree(proofLine);
                if (proof.path("globalIndex").asLong() != event.globalIndex()) {
                    problems.add("the inclusion proofs are not in the order of the events (position "
                            + event.globalIndex() + ")");
                    continue;
                }
                if (event.globalIndex() > position) {
                    problems.add("the event at position " + event.globalIndex() + " is after the export's position "
                            + position);
                }
                byte[] recomputed = EventHashes.eventHash(event, event.previousHash());
                if (event.eventHash() == null || !MessageDigest.isEqual(recomputed, event.eventHash())) {
                    problems.add(
                            "EVENT_ALTERED: the event at position " + event.globalIndex() + " does not match its hash");
                    continue;
                }
                List<byte[]> path = new ArrayList<>();
                proof.path("proof").forEach(node -> path.add(hex.parseHex(node.asText())));
                if (!MerkleTree.verifyInclusion(
                        LedgerLeaf.hash(event.globalIndex(), event.eventHash()),
                        proof.path("leafIndex").asLong(),
                        tree.size(),
                        path,
                        tree.rootHash())) {
                    problems.add("NOT_IN_TREE: the event at position " + event.globalIndex()
                            + " is not in the signed tree of " + tree.size() + " leaves");
                    continue;
                }
                evidence.put(event.globalIndex(), event);
            }
            if (proofs.readLine() != null) {
                problems.add("evidence/inclusion.jsonl holds more proofs than there are events");
            }
        }
    }

    /**
     * Every record that names a ledger position names an evidence event (by position and id); dispensing
     * records are rebuilt from theirs and compared. Returns the number of records bound to an event.
     */
    private long checkRecords(String type, long manifestRecords) throws IOException {
        ZipEntry report = zip.getEntry(type + ".json");
        if (report == null) {
            problems.add(type + ".json is missing");
            return 0;
        }
        long count = 0;
        long bound = 0;
        long declared = -1;
        try (JsonParser parser = DECIMALS.createParser(zip.getInputStream(report))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(type + ".json is not a JSON object");
                return 0;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("recordCount")) {
                    declared = parser.getLongValue();
                } else if (field.equals("records") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode record = DECIMALS.readTree(parser);
                        count++;
                        if (bind(type, count, record)) {
                            bound++;
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(type + ".json is not valid JSON: " + e.getOriginalMessage());
        }
        if (declared != count) {
            problems.add(type + ".json says it holds " + declared + " records but holds " + count);
        }
        if (manifestRecords != count) {
            problems.add("the manifest lists " + manifestRecords + " records, " + type + ".json holds " + count);
        }
        return bound;
    }

    /** Positions of the records seen, for the completeness check. */
    private final Set<Long> recorded = new HashSet<>();

    /** Streams of the records' events, which the bundle must carry whole. */
    private final Set<String> recordStreams = new HashSet<>();

    private boolean bind(String type, long number, JsonNode record) {
        JsonNode positionNode = record.get("ledgerPosition");
        if (positionNode == null || positionNode.isNull()) {
            if (type.equals(DISPENSING_RECORD)) {
                problems.add("record " + number + " names no ledger position");
            }
            return false;
        }
        long position = positionNode.asLong();
        recorded.add(position);
        StoredEvent event = evidence.get(position);
        if (event == null) {
            problems.add("record " + number + " names ledger position " + position
                    + ", which is not among the bundle's proven events");
            return false;
        }
        JsonNode eventId = record.get("eventId");
        if (eventId != null && !eventId.isNull() && !eventId.asText().equals(event.eventIdentifier())) {
            problems.add("record " + number + " names event " + eventId.asText() + " but the event at position "
                    + position + " is " + event.eventIdentifier());
            return false;
        }
        if (type.equals(DISPENSING_RECORD)) {
            recordStreams.add(event.aggregateIdentifier());
            return DoseRecordCheck.compare(number, record, event, payload(event), problems);
        }
        return true;
    }

    /**
     * The streams of the records' events must be whole in the bundle (sequence numbers from 0 without a gap,
     * each event linked to its predecessor's hash), and every dose among the bundle's events (all of the
     * practice's, when its sequence is whole) that is in the period, at the export's location if it names
     * one, and not after the export's position, is a record.
     */
    private void checkDoses(long position) {
        Map<String, List<StoredEvent>> streams = new TreeMap<>();
        evidence.values().stream()
                .filter(event -> recordStreams.contains(event.aggregateIdentifier()))
                .forEach(event -> streams.computeIfAbsent(event.aggregateIdentifier(), s -> new ArrayList<>())
                        .add(event));
        for (Map.Entry<String, List<StoredEvent>> stream : streams.entrySet()) {
            List<StoredEvent> events = stream.getValue();
            events.sort(java.util.Comparator.comparingLong(StoredEvent::sequenceNumber));
            byte[] previous = EventHashes.GENESIS;
            for (int i = 0; i < events.size(); i++) {
                StoredEvent event = events.get(i);
                if (event.sequenceNumber() != i) {
                    problems.add("STREAM_INCOMPLETE: stream " + stream.getKey() + " lacks its event " + i
                            + " (the bundle carries its event " + event.sequenceNumber() + ")");
                    break;
                }
                if (!MessageDigest.isEqual(previous, event.previousHash())) {
                    problems.add("STREAM_INCOMPLETE: event " + i + " of stream " + stream.getKey()
                            + " does not follow the event before it");
                    break;
                }
                previous = event.eventHash();
            }
        }
        ZoneId zone = ZoneId.of(manifest.path("zone").asText("UTC"));
        JsonNode parameters = manifest.path("parameters");
        Instant from = LocalDate.parse(parameters.path("from").asText("0001-01-01"))
                .atStartOfDay(zone)
                .toInstant();
        Instant to = LocalDate.parse(parameters.path("to").asText("9999-12-30"))
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant();
        String location = parameters.path("locationId").isTextual()
                ? parameters.path("locationId").asText()
                : null;
        String practice = manifest.path("practiceId").asText();
        for (StoredEvent event : evidence.values()) {
            JsonNode payload = payload(event);
            if (event.globalIndex() <= position
                    && DoseRecordCheck.isDose(event, payload)
                    && practice.equals(payload.path("lot").path("practiceId").asText())
                    && DoseRecordCheck.inPeriod(payload, from, to)
                    && (location == null
                            || location.equals(
                                    payload.path("lot").path("locationId").asText()))
                    && !recorded.contains(event.globalIndex())) {
                problems.add("RECORD_MISSING: the " + DoseRecordCheck.entryType(event)
                        + " at ledger position " + event.globalIndex() + " (" + event.eventIdentifier()
                        + ") is in the period but not in the export");
            }
        }
    }

    /**
     * The bundle holds every event of the practice's sequence (metadata {@code practiceId}, {@code
     * practiceSequence}: 1, 2, 3... in ledger order) up to the export's own request, which is the event at the
     * export's position, an ExportRequestedEvent naming this export. So no event of the practice up to that
     * position was left out. Returns the request's number in the sequence, or 0 when it cannot be shown.
     */
    private long checkPracticeSequence(long position) {
        String practice = manifest.path("practiceId").asText();
        String exportId = manifest.path("exportId").asText();
        TreeMap<Long, StoredEvent> sequence = new TreeMap<>();
        for (StoredEvent event : evidence.values()) {
            JsonNode metaData = metaData(event);
            if (practice.equals(metaData.path("practiceId").asText())
                    && metaData.path("practiceSequence").isTextual()) {
                StoredEvent twin = sequence.put(
                        Long.parseLong(metaData.path("practiceSequence").asText()), event);
                if (twin != null) {
                    problems.add("PRACTICE_INCOMPLETE: two events carry number "
                            + metaData.path("practiceSequence").asText() + " of practice " + practice);
                }
            }
        }
        StoredEvent request = evidence.get(position);
        JsonNode payload = request == null ? null : payload(request);
        if (request == null
                || !request.payloadType().equals(EXPORT_REQUESTED)
                || !exportId.equals(payload.path("exportId").asText())
                || !practice.equals(metaData(request).path("practiceId").asText())) {
            problems.add("PRACTICE_INCOMPLETE: the event at the export's position " + position
                    + " is not this export's request, so nothing shows that no event of the practice before it"
                    + " was left out");
            return 0;
        }
        long last = Long.parseLong(metaData(request).path("practiceSequence").asText("0"));
        long previousPosition = 0;
        for (long number = 1; number <= last; number++) {
            StoredEvent event = sequence.get(number);
            if (event == null) {
                problems.add("PRACTICE_INCOMPLETE: event number " + number + " of practice " + practice
                        + " is not in the bundle");
                continue;
            }
            if (event.globalIndex() <= previousPosition) {
                problems.add("PRACTICE_INCOMPLETE: event number " + number + " of practice " + practice
                        + " is at position " + event.globalIndex() + ", not after the event before it");
            }
            previousPosition = event.globalIndex();
        }
        return last;
    }

    private static final String EXPORT_REQUESTED = "org.doseledger.core.export.api.ExportRequestedEvent";

    private JsonNode metaData(StoredEvent event) {
        try {
            return event.metaData() == null ? JSON.nullNode() : JSON.readTree(event.metaData());
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    /** The CSV holds the JSON's columns and records, cell for cell. */
    private void checkCsv(String type) throws IOException {
        ZipEntry csv = zip.getEntry(type + ".csv");
        ZipEntry json = zip.getEntry(type + ".json");
        if (csv == null || json == null) {
            return;
        }
        try (Reader reader = new InputStreamReader(zip.getInputStream(csv), StandardCharsets.UTF_8);
                JsonParser parser = DECIMALS.createParser(zip.getInputStream(json))) {
            CsvRows rows = new CsvRows(reader);
            List<String> header = rows.next();
            List<String> keys = new ArrayList<>();
            Iterator<JsonNode> records = records(parser, keys);
            if (header == null || !header.equals(keys)) {
                problems.add(type + ".csv does not have the columns of " + type + ".json");
                return;
            }
            long number = 0;
            while (true) {
                List<String> row = rows.next();
                boolean more = records.hasNext();
                if (row == null || !more) {
                    if (row != null || more) {
                        problems.add(type + ".csv and " + type + ".json do not hold the same number of records");
                    }
                    return;
                }
                JsonNode record = records.next();
                number++;
                for (int i = 0; i < keys.size(); i++) {
                    String expected = csvText(record.get(keys.get(i)));
                    String actual = i < row.size() ? row.get(i) : null;
                    if (!expected.equals(actual)) {
                        problems.add("record " + number + " of " + type + ".csv says " + keys.get(i) + " = " + actual
                                + ", the JSON " + expected);
                        break;
                    }
                }
            }
        }
    }

    /** Reads the JSON report's column keys, then gives its records one at a time. */
    private static Iterator<JsonNode> records(JsonParser parser, List<String> keys) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return java.util.Collections.emptyIterator();
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("columns") && value == JsonToken.START_ARRAY) {
                for (JsonNode column : (JsonNode) DECIMALS.readTree(parser)) {
                    keys.add(column.path("key").asText());
                }
            } else if (field.equals("records") && value == JsonToken.START_ARRAY) {
                return new Iterator<>() {
                    private JsonToken next = advance();

                    private JsonToken advance() {
                        try {
                            return parser.nextToken();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }

                    @Override
                    public boolean hasNext() {
                        return next == JsonToken.START_OBJECT;
                    }

                    @Override
                    public JsonNode next() {
                        try {
                            JsonNode record = DECIMALS.readTree(parser);
                            next = advance();
                            return record;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                };
            } else {
                parser.skipChildren();
            }
        }
        return java.util.Collections.emptyIterator();
    }

    /** A JSON value as the CSV writes it (docs/exports.md, "CSV"). */
    static String csvText(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "yes" : "no";
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isTextual()) {
            return CsvText.guarded(value.asText());
        }
        return value.asText();
    }

    private JsonNode payload(StoredEvent event) {
        try {
            return event.payload() == null ? JSON.nullNode() : JSON.readTree(event.payload());
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    private BufferedReader lines(ZipEntry entry) throws IOException {
        return new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
    }

    /** Problems in order, the first {@value #MAX_PROBLEMS} in full. */
    static final class Problems {
        private final List<String> listed = new ArrayList<>();
        private long more;

        void add(String problem) {
            if (listed.size() < MAX_PROBLEMS) {
                listed.add(problem);
            } else {
                more++;
            }
        }

        List<String> list() {
            if (more == 0) {
                return List.copyOf(listed);
            }
            List<String> all = new ArrayList<>(listed);
            all.add("... and " + more + " more problems");
            return all;
        }
    }

    /** RFC 4180 rows: fields separated by commas, quoted fields may hold commas, quotes (doubled) and line breaks. */
    static final class CsvRows {
        private final Reader in;
        private int peeked = -2;

        CsvRows(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        /** The next row's fields, or null at the end. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        fields.add(field.toString());
                        return fields;
                    }
                    if (c == '"') {
                        int after = read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = after;
                            continue;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int after = read();
                        if (after != '\n') {
                            peeked = after;
                        }
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }

    /** Whether two texts are equal, treating a missing one as null. */
    static boolean same(String a, String b) {
        return Objects.equals(a == null || a.isEmpty() ? null : a, b == null || b.isEmpty() ? null : b);
    }

    static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : new BigDecimal(node.asText());
    }

    static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.parse(text);
        }
    }
}
