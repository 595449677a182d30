package org.doseledger.core.integrity.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Leaf hashes with the roots of every complete subtree stored, level by level, as a node table filled
 * while a log grows would hold them; counts how many hashes are read.
 */
final class StoredTree implements LeafHashes {

    private final List<List<byte[]>> levels = new ArrayList<>();
    long leafReads;
    long storedReads;

    StoredTree(List<byte[]> leafHashes) {
        levels.add(List.copyOf(leafHashes));
        List<byte[]> below = levels.get(0);
        while (below.size() >= 2) {
            List<byte[]> level = new ArrayList<>();
            for (int i = 0; i + 1 < below.size(); i += 2) {
                level.add(MerkleTree.nodeHash(below.get(i), below.get(i + 1)));
            }
            levels.add(level);
            below = level;
        }
    }

    @Override
    public long size() {
        return levels.get(0).size();
    }

    @Override
    public byte[] leafHash(long index) {
        leafReads++;
        return levels.get(0).get((int) index).clone();
    }

    @Override
    public byte[] storedSubtreeHash(int level, long index) {
        storedReads++;
        if (level == 0) {
            throw new AssertionError("level 0 is never asked for");
        }
        return levels.get(level).get((int) index).clone();
    }
}
