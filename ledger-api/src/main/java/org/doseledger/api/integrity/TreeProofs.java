package org.doseledger.api.integrity;

import java.util.HexFormat;
import java.util.List;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.shared.UnknownRecordException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Inclusion and consistency proofs over the ledger's Merkle tree, as stored (O(log n) reads each). */
@Component
class TreeProofs {

    private final JdbcTemplate jdbc;

    TreeProofs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The event at a position, its leaf in the tree, and the hashes that lead from it to the root of a tree size. */
    record InclusionProof(
            long position, long leafIndex, long treeSize, String leafHash, List<String> proof, String rootHash) {}

    /** The hashes that show the tree of {@code to} leaves extends the tree of {@code from}. */
    record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {}

    @Transactional(readOnly = true)
    InclusionProof inclusion(long position, long treeSize) {
        LedgerTree tree = new LedgerTree(jdbc, sealedTreeSize("treeSize", treeSize));
        Long leaf = jdbc
                .queryForList("select leaf_index from ledger_chain where global_index = ?", Long.class, position)
                .stream()
                .findFirst()
                .orElseThrow(() -> new UnknownRecordException("sealed-event", Long.toString(position)));
        if (leaf >= treeSize) {
            throw new InvalidQueryException(
                    "treeSize",
                    "the event at position " + position + " is leaf " + leaf + ", not in a tree of " + treeSize
                            + " leaves");
        }
        HexFormat hex = HexFormat.of();
        return new InclusionProof(
                position,
                leaf,
                treeSize,
                hex.formatHex(tree.leafHash(leaf)),
                MerkleTree.inclusionProof(tree, leaf, treeSize).stream()
                        .map(hex::formatHex)
                        .toList(),
                hex.formatHex(MerkleTree.rootHash(tree, treeSize)));
    }

    @Transactional(readOnly = true)
    ConsistencyProof consistency(long from, long to) {
        if (from > to) {
            throw new InvalidQueryException("from", "must not be larger than to (" + to + ")");
        }
        LedgerTree tree = new LedgerTree(jdbc, sealedTreeSize("to", to));
        HexFormat hex = HexFormat.of();
        return new ConsistencyProof(
                from,
                to,
                hex.formatHex(MerkleTree.rootHash(tree, from)),
                hex.formatHex(MerkleTree.rootHash(tree, to)),
                MerkleTree.consistencyProof(tree, from, to).stream()
                        .map(hex::formatHex)
                        .toList());
    }

    /**
     * Proofs are given for tree sizes that a signed checkpoint covers: the stored subtree roots are complete
     * up to the last one.
     */
    private long sealedTreeSize(String parameter, long wanted) {
        Long signed = jdbc.queryForObject("select max(tree_size) from ledger_tree_checkpoint", Long.class);
        if (signed == null || wanted > signed) {
            throw new InvalidQueryException(
                    parameter,
                    "no signed checkpoint covers " + wanted + " leaves yet; the latest covers "
                            + (signed == null ? 0 : signed));
        }
        return signed;
    }
}
