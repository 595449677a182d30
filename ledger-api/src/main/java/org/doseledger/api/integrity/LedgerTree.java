package org.doseledger.api.integrity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doseledger.core.integrity.tlog.LeafHashes;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sealed events as the Merkle tree the database holds: leaves from {@code ledger_chain} (by
 * {@code leaf_index}), roots of complete subtrees from {@code ledger_tree_node}. Roots and proofs over it
 * cost O(log n) reads. Values read are cached for the life of the instance (one seal or one request).
 */
final class LedgerTree implements LeafHashes {

    private final JdbcTemplate jdbc;
    private final long size;
    private final Map<Long, byte[]> leaves = new HashMap<>();
    private final Map<String, byte[]> nodes = new HashMap<>();

    LedgerTree(JdbcTemplate jdbc, long size) {
        this.jdbc = jdbc;
        this.size = size;
    }

    /** The tree over every sealed event. */
    static LedgerTree current(JdbcTemplate jdbc) {
        return new LedgerTree(jdbc, leafCount(jdbc));
    }

    static long leafCount(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("select coalesce(max(leaf_index) + 1, 0) from ledger_chain", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] leafHash(long index) {
        return leaves.computeIfAbsent(index, i -> {
            List<byte[]> hash =
                    jdbc.queryForList("select leaf_hash from ledger_chain where leaf_index = ?", byte[].class, i);
            if (hash.isEmpty()) {
                throw new IllegalStateException("leaf " + i + " of the ledger's tree is missing from ledger_chain");
            }
            return hash.get(0);
        });
    }

    @Override
    public byte[] storedSubtreeHash(int level, long index) {
        return nodes.computeIfAbsent(
                level + ":" + index,
                key -> jdbc
                        .queryForList(
                                "select hash from ledger_tree_node where level = ? and node_index = ?",
                                byte[].class,
                                level,
                                index)
                        .stream()
                        .findFirst()
                        .orElse(null));
    }

    /**
     * Reads, in two queries, every leaf and stored subtree root that the inclusion proofs of {@code leafIndexes}
     * in the tree of {@code treeSize} leaves will ask for, after forgetting what was read before: proofs for a
     * page of events then cost two reads, not one per node, and memory holds one page's nodes however many
     * pages a bundle has.
     */
    void readForInclusionProofs(Collection<Long> leafIndexes, long treeSize) {
        leaves.clear();
        nodes.clear();
        Set<Long> wantedLeaves = new HashSet<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        Set<String> wantedNodes = new HashSet<>();
        // the proofs' own walk, answered with placeholders: it asks exactly for what the real proofs will read
        LeafHashes recorder = new LeafHashes() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public byte[] leafHash(long index) {
                wantedLeaves.add(index);
                return PLACEHOLDER;
            }

            @Override
            public byte[] storedSubtreeHash(int level, long index) {
                if (wantedNodes.add(level + ":" + index)) {
                    levels.add(level);
                    indexes.add(index);
                }
                return PLACEHOLDER;
            }
        };
        for (long leaf : leafIndexes) {
            MerkleTree.inclusionProof(recorder, leaf, treeSize);
        }
        if (!wantedLeaves.isEmpty()) {
            jdbc.query(
                    "select leaf_index, leaf_hash from ledger_chain where leaf_index = any (?)",
                    rs -> {
                        leaves.put(rs.getLong(1), rs.getBytes(2));
                    },
                    (Object) wantedLeaves.toArray(Long[]::new));
        }
        if (!levels.isEmpty()) {
            jdbc.query(
                    "select n.level, n.node_index, n.hash from ledger_tree_node n"
                            + " join unnest(?::int[], ?::bigint[]) as w(level, node_index) using (level, node_index)",
                    rs -> {
                        nodes.put(rs.getInt(1) + ":" + rs.getLong(2), rs.getBytes(3));
                    },
                    levels.toArray(Integer[]::new),
                    indexes.toArray(Long[]::new));
        }
    }

    private static final byte[] PLACEHOLDER = new byte[32];

    /** Leaves read from ledger_chain at a time while the tree is extended. */
    private static final int CHUNK = 65_536;

    /**
     * Stores the roots of the subtrees that the leaves {@code [from, to)} complete (the leaves are in
     * {@code ledger_chain} already), a chunk of leaves at a time.
     */
    static void extend(JdbcTemplate jdbc, long from, long to) {
        for (long start = from; start < to; start += CHUNK) {
            long end = Math.min(to, start + CHUNK);
            Map<Long, byte[]> leaves = new HashMap<>();
            jdbc.query(
                    "select leaf_index, leaf_hash from ledger_chain where leaf_index >= ? and leaf_index < ?",
                    rs -> {
                        leaves.put(rs.getLong(1), rs.getBytes(2));
                    },
                    start,
                    end);
            if (leaves.size() != end - start) {
                throw new IllegalStateException("ledger_chain lacks leaves between " + start + " and " + end);
            }
            extend(jdbc, start, end, leaves);
        }
    }

    /** Stores the subtree roots the leaves {@code [from, to)} complete, given those leaves' hashes. */
    private static void extend(JdbcTemplate jdbc, long from, long to, Map<Long, byte[]> newLeaves) {
        LedgerTree stored = new LedgerTree(jdbc, to);
        Map<Long, byte[]> below = newLeaves;
        List<Object[]> rows = new ArrayList<>();
        for (int level = 1; level < 63 && (1L << level) <= to; level++) {
            Map<Long, byte[]> here = new HashMap<>();
            for (long node = from >> level; (node + 1) << level <= to; node++) {
                if ((node + 1) << level <= from) {
                    continue;
                }
                byte[] left = child(stored, below, level - 1, 2 * node);
                byte[] right = child(stored, below, level - 1, 2 * node + 1);
                byte[] hash = MerkleTree.nodeHash(left, right);
                here.put(node, hash);
                rows.add(new Object[] {level, node, hash});
            }
            below = here;
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into ledger_tree_node (level, node_index, hash) values (?, ?, ?)", rows);
        }
    }

    private static byte[] child(LedgerTree stored, Map<Long, byte[]> computed, int level, long index) {
        byte[] hash = computed.get(index);
        if (hash != null) {
            return hash;
        }
        hash = level == 0 ? stored.leafHash(index) : stored.storedSubtreeHash(level, index);
        if (hash == null) {
            throw new IllegalStateException("subtree " + index + " at level " + level
                    + " of the ledger's tree is missing from ledger_tree_node");
        }
        return hash;
    }
}
