package org.doseledger.api.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.doseledger.core.integrity.KeyEndorsement;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.bundle.BundleFormats;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's own evidence for what an export says: the signed tree checkpoint that covers it, the stored
 * events its records were built from with an RFC 9162 inclusion proof each, and a signed note binding the
 * export's manifest. A regulator checks all of it offline with the public key alone
 * ({@code docs/exports.md}, "Verifying a bundle").
 */
@Component
public class LedgerEvidence {

    /** The first line of the note that signs an export's manifest. */
    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final SigningKeys keys;
    private final IntegrityProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    LedgerEvidence(JdbcTemplate jdbc, SigningKeys keys, IntegrityProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.properties = properties;
    }

    /** A signed tree checkpoint: its size and its note with every cosignature the ledger holds. */
    public record TreeNote(long size, String note) {}

    /**
     * The first signed tree checkpoint whose tree holds every event sealed up to {@code position}: the seal
     * that produced the chain checkpoint ending at {@code position} signed it too.
     */
    public TreeNote covering(long position) {
        Long leaves =
                jdbc.queryForObject("select count(*) from ledger_chain where global_index <= ?", Long.class, position);
        List<TreeNote> found = jdbc.query(
                "select tree_size, note from ledger_tree_checkpoint where tree_size >= ? order by tree_size limit 1",
                (rs, row) -> new TreeNote(rs.getLong(1), rs.getString(2)),
                leaves);
        if (found.isEmpty()) {
            throw new IllegalStateException("no signed tree checkpoint covers ledger position " + position);
        }
        TreeNote tree = found.get(0);
        return new TreeNote(tree.size(), Witnessing.withCosignatures(jdbc, tree.size(), tree.note()));
    }

    /**
     * Writes, one JSON line each ({@code fromSize}, {@code toSize}, {@code proof} in hex), the RFC 9162
     * consistency proofs of the tree of {@code treeSize} leaves from the tree of every earlier export bundle
     * of the practice: a regulator holding an earlier bundle's tree checkpoint checks with it that the new
     * bundle's log extends the old one.
     *
     * @return the number of proofs written
     */
    public long writeConsistency(String practiceId, long treeSize, OutputStream out) throws IOException {
        java.util.SortedSet<Long> sizes = new TreeSet<>();
        for (Long position : jdbc.queryForList("""
                select c.to_index from export_job j join ledger_checkpoint c on c.checkpoint_number = j.checkpoint_number
                where j.practice_id = ? and j.status in ('DONE', 'EXPIRED')
                """, Long.class, practiceId)) {
            long size = covering(position).size();
            if (size < treeSize) {
                sizes.add(size);
            }
        }
        LedgerTree tree = new LedgerTree(jdbc, treeSize);
        HexFormat hex = HexFormat.of();
        for (long size : sizes) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("fromSize", size);
            line.put("toSize", treeSize);
            line.put(
                    "proof",
                    MerkleTree.consistencyProof(tree, size, treeSize).stream()
                            .map(hex::formatHex)
                            .toList());
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
        }
        return sizes.size();
    }

    /**
     * Writes the stored events at {@code positions}, every event of {@code practiceId}'s sequence up to
     * {@code upTo} (the export's own request), and, with {@code wholeStreams}, every event up to {@code upTo}
     * of the streams those events belong to, one JSON line each in global-index order (the columns of the ledger bundle's {@code
     * events.jsonl}) to {@code events}, and to {@code proofs} one line per event with its leaf index and its
     * inclusion proof in the tree of {@code treeSize} leaves.
     *
     * @return the number of events written
     */
    public long write(
            Collection<Long> positions,
            boolean wholeStreams,
            String practiceId,
            long upTo,
            long treeSize,
            OutputStream events,
            OutputStream proofs)
            throws IOException {
        // positions as primitive longs, sorted once: a practice's whole history is a million of them
        Positions wanted = new Positions();
        positions.forEach(wanted::add);
        if (practiceId != null) {
            jdbc.query(
                    """
                    select e.global_index from practice_event p
                    join domain_event_entry e on e.event_identifier = p.event_identifier
                    where p.practice_id = ? and e.global_index <= ?
                    """,
                    rs -> {
                        wanted.add(rs.getLong(1));
                    },
                    practiceId,
                    upTo);
            // the log's key endorsements, so that a verifier pinning an earlier key follows a rotation
            jdbc.query(
                    "select global_index from domain_event_entry where payload_type = ? and global_index <= ?",
                    rs -> {
                        wanted.add(rs.getLong(1));
                    },
                    KeyEndorsement.EVENT_TYPE,
                    upTo);
        }
        if (wholeStreams && !positions.isEmpty()) {
            jdbc.query(
                    """
                    select e.global_index from domain_event_entry e
                    where e.global_index <= ? and e.aggregate_identifier in (
                        select aggregate_identifier from domain_event_entry where global_index = any (?))
                    """,
                    rs -> {
                        wanted.add(rs.getLong(1));
                    },
                    upTo,
                    positions.toArray(Long[]::new));
        }
        LedgerTree tree = new LedgerTree(jdbc, treeSize);
        HexFormat hex = HexFormat.of();
        List<Long> all = wanted.sortedDistinct();
        long written = 0;
        for (int from = 0; from < all.size(); from += PAGE) {
            List<Long> page = all.subList(from, Math.min(all.size(), from + PAGE));
            Map<Long, StoredEvent> stored = new LinkedHashMap<>();
            Map<Long, Long> leaves = new LinkedHashMap<>();
            Long[] ids = page.toArray(Long[]::new);
            jdbc.query(
                    "select " + IntegrityStore.EVENT_COLUMNS + ", c.leaf_index from domain_event_entry e"
                            + " left join (select global_index, leaf_index from ledger_chain) c using (global_index)"
                            + " where e.global_index = any (?) order by e.global_index",
                    rs -> {
                        StoredEvent event = IntegrityStore.event(rs, 0);
                        stored.put(event.globalIndex(), event);
                        long leaf = rs.getLong("leaf_index");
                        leaves.put(event.globalIndex(), rs.wasNull() ? null : leaf);
                    },
                    (Object) ids);
            tree.readForInclusionProofs(
                    leaves.values().stream()
                            .filter(leaf -> leaf != null && leaf < treeSize)
                            .toList(),
                    treeSize);
            for (Long position : page) {
                StoredEvent event = stored.get(position);
                Long leaf = leaves.get(position);
                if (event == null || leaf == null || leaf >= treeSize) {
                    throw new IllegalStateException("the event at ledger position " + position
                            + " is not sealed in the tree of " + treeSize + " leaves");
                }
                events.write(json.writeValueAsBytes(LedgerBundle.eventLine(event)));
                events.write('\n');
                Map<String, Object> proof = new LinkedHashMap<>();
                proof.put("globalIndex", position);
                proof.put("leafIndex", leaf);
                proof.put(
                        "proof",
                        MerkleTree.inclusionProof(tree, leaf, treeSize).stream()
                                .map(hex::formatHex)
                                .toList());
                proofs.write(json.writeValueAsBytes(proof));
                proofs.write('\n');
                written++;
            }
        }
        return written;
    }

    /** Ledger positions gathered as primitive longs, then sorted and without repeats. */
    private static final class Positions {

        private long[] values = new long[1024];
        private int size;

        void add(long position) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }

        /** A list view over one sorted array: no boxed copy of the whole set is kept. */
        List<Long> sortedDistinct() {
            java.util.Arrays.sort(values, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || values[i] != values[distinct - 1]) {
                    values[distinct++] = values[i];
                }
            }
            long[] sorted = java.util.Arrays.copyOf(values, distinct);
            values = null;
            return new java.util.AbstractList<>() {
                @Override
                public Long get(int index) {
                    return sorted[index];
                }

                @Override
                public int size() {
                    return sorted.length;
                }
            };
        }
    }

    /**
     * A C2SP signed note, signed with the ledger's key under its origin, whose text binds an export's id to
     * the SHA-256 of its {@code manifest.json}: {@value BundleFormats#EXPORT_MANIFEST_NOTE}, {@code export <id>}, {@code
     * manifest-sha256 <hex>}, one per line.
     */
    public String signManifest(String exportId, String manifestSha256) {
        return SignedNote.sign(
                        BundleFormats.manifestNoteText(exportId, manifestSha256),
                        List.of(keys.noteSigner(properties.origin())))
                .format();
    }
}
