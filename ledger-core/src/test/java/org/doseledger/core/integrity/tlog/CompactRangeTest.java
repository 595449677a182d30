package org.doseledger.core.integrity.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

    @Test
    void theRootAfterEachAppendIsTheRootOfAllLeavesSoFar() {
        List<byte[]> inputs = new ArrayList<>();
        CompactRange range = new CompactRange();
        assertThat(range.root()).isEqualTo(ReferenceMerkleTree.mth(inputs));
        for (int i = 0; i < 300; i++) {
            byte[] input = ByteBuffer.allocate(4).putInt(i * 7919).array();
            inputs.add(input);
            range.append(MerkleTree.leafHash(input));
            assertThat(range.size()).isEqualTo(i + 1);
            assertThat(range.root()).as("root of %d leaves", i + 1).isEqualTo(ReferenceMerkleTree.mth(inputs));
            assertThat(range.peaks()).hasSize(Long.bitCount(i + 1));
        }
    }

    @Test
    void theTestTreeOfEightLeavesHasTheKnownRoot() {
        CompactRange range = new CompactRange();
        for (String leaf : List.of(
                "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")) {
            range.append(MerkleTree.leafHash(HexFormat.of().parseHex(leaf)));
        }
        assertThat(HexFormat.of().formatHex(range.root()))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void aResumedRangeContinuesWhereTheStoredOneStopped() {
        List<byte[]> hashes = new ArrayList<>();
        CompactRange range = new CompactRange();
        for (int i = 0; i < 45; i++) {
            byte[] hash = MerkleTree.leafHash(new byte[] {(byte) i});
            hashes.add(hash);
            range.append(hash);
        }
        CompactRange resumed = CompactRange.resume(range.size(), range.peaks());
        for (int i = 45; i < 100; i++) {
            byte[] hash = MerkleTree.leafHash(new byte[] {(byte) i});
            hashes.add(hash);
            range.append(hash);
            resumed.append(hash);
        }
        assertThat(resumed.root()).isEqualTo(range.root());
        assertThat(resumed.root()).isEqualTo(MerkleTree.rootHash(InMemoryLeafHashes.of(hashes), 100));
    }

    @Test
    void aRangeBuiltFromStoredLeavesMatchesOneBuiltByAppending() {
        List<byte[]> hashes = new ArrayList<>();
        CompactRange appended = new CompactRange();
        for (int i = 0; i < 77; i++) {
            byte[] hash = MerkleTree.leafHash(new byte[] {(byte) i, 1});
            hashes.add(hash);
            appended.append(hash);
        }
        StoredTree stored = new StoredTree(hashes);
        CompactRange built = CompactRange.of(stored, 77);
        assertThat(built.peaks()).containsExactlyElementsOf(appended.peaks());
        assertThat(stored.leafReads + stored.storedReads).isEqualTo(Long.bitCount(77));
    }

    @Test
    void aStateThatIsNotATreeIsRefused() {
        assertThatThrownBy(() -> CompactRange.resume(5, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tree of 5 leaves has 2 complete subtrees, 1 hashes were given");
        assertThatThrownBy(() -> CompactRange.resume(1, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("peak 0 must be 32 bytes, is 31 bytes");
        assertThatThrownBy(() -> new CompactRange().append(new byte[33]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a leaf hash is 32 bytes, this one 33");
    }
}
