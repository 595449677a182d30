package org.doseledger.core.integrity.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers from transparency-dev/merkle (proof/verify_test.go and rfc6962/rfc6962_test.go: the
 * eight-leaf test tree inherited from Certificate Transparency and Trillian, its roots, inclusion and
 * consistency proofs, and the hasher vectors), then properties checked against {@link
 * ReferenceMerkleTree}, a literal transcription of RFC 9162.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaf inputs of the test tree. */
    private static final List<byte[]> LEAVES =
            hexes("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** ROOTS.get(i) is the root of the first i + 1 leaves. */
    private static final List<byte[]> ROOTS = hexes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static final byte[] EMPTY_ROOT =
            HEX.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    private static final byte[] SOME_HASH =
            HEX.parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    private static final LeafHashes TEST_TREE = InMemoryLeafHashes.ofLeafInputs(LEAVES);

    /** An inclusion proof vector; the source numbers leaves from 1, these from 0. */
    private record Inclusion(int leafIndex, int treeSize, List<byte[]> proof) {}

    private record Consistency(int oldSize, int newSize, List<byte[]> proof) {}

    private static final List<Inclusion> INCLUSION_PROOFS = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(
                    0,
                    8,
                    hexes(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(
                    5,
                    8,
                    hexes(
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, hexes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(
                    1,
                    5,
                    hexes(
                            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    private static final List<Consistency> CONSISTENCY_PROOFS = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(
                    1,
                    8,
                    hexes(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(
                    6,
                    8,
                    hexes(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(
                    2,
                    5,
                    hexes(
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(
                    6,
                    7,
                    hexes(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    @Nested
    class KnownAnswers {

        @Test
        void theHashesAreThoseOfRfc6962() {
            assertThat(MerkleTree.emptyRoot()).isEqualTo(EMPTY_ROOT);
            assertThat(hex(MerkleTree.leafHash(new byte[0])))
                    .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
            assertThat(hex(MerkleTree.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
                    .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
            assertThat(hex(MerkleTree.nodeHash(
                            "N123".getBytes(StandardCharsets.US_ASCII), "N456".getBytes(StandardCharsets.US_ASCII))))
                    .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
        }

        @Test
        void theRootOfEachPrefixOfTheTestTree() {
            assertThat(MerkleTree.rootHash(TEST_TREE, 0)).isEqualTo(EMPTY_ROOT);
            for (int size = 1; size <= 8; size++) {
                assertThat(MerkleTree.rootHash(TEST_TREE, size))
                        .as("root of %d leaves", size)
                        .isEqualTo(ROOTS.get(size - 1));
            }
        }

        @Test
        void theInclusionProofsAreGeneratedAndVerified() {
            for (Inclusion vector : INCLUSION_PROOFS) {
                assertThat(MerkleTree.inclusionProof(TEST_TREE, vector.leafIndex(), vector.treeSize()))
                        .as("proof of leaf %d in %d", vector.leafIndex(), vector.treeSize())
                        .containsExactlyElementsOf(vector.proof());
                assertThat(MerkleTree.verifyInclusion(
                                leafHash(vector.leafIndex()),
                                vector.leafIndex(),
                                vector.treeSize(),
                                vector.proof(),
                                ROOTS.get(vector.treeSize() - 1)))
                        .isTrue();
            }
        }

        @Test
        void theConsistencyProofsAreGeneratedAndVerified() {
            for (Consistency vector : CONSISTENCY_PROOFS) {
                assertThat(MerkleTree.consistencyProof(TEST_TREE, vector.oldSize(), vector.newSize()))
                        .as("proof from %d to %d", vector.oldSize(), vector.newSize())
                        .containsExactlyElementsOf(vector.proof());
                assertThat(MerkleTree.verifyConsistency(
                                vector.oldSize(),
                                vector.newSize(),
                                ROOTS.get(vector.oldSize() - 1),
                                ROOTS.get(vector.newSize() - 1),
                                vector.proof()))
                        .isTrue();
            }
        }

        /** The corruptions of transparency-dev/merkle's verifierCheck, each of which must fail. */
        @Test
        void everyCorruptionOfAnInclusionVectorFails() {
            for (Inclusion vector : INCLUSION_PROOFS.subList(1, INCLUSION_PROOFS.size())) {
                int i = vector.leafIndex();
                int n = vector.treeSize();
                byte[] root = ROOTS.get(n - 1);
                byte[] leaf = leafHash(i);
                List<byte[]> proof = vector.proof();
                assertThat(MerkleTree.verifyInclusion(leaf, i - 1, n, proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i + 1, n, proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i ^ 2, n, proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n * 2, proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n / 2, proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion("WrongLeaf".getBytes(), i, n, proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, proof, EMPTY_ROOT))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, proof, SOME_HASH))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, append(proof, new byte[0]), root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, append(proof, root), root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, prepend(new byte[0], proof), root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, prepend(root, proof), root))
                        .isFalse();
                for (int p = 0; p < proof.size(); p++) {
                    assertThat(MerkleTree.verifyInclusion(leaf, i, n, flipBit(proof, p, 3), root))
                            .isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, proof.subList(0, proof.size() - 1), root))
                        .isFalse();
                if (proof.size() > 1) {
                    List<byte[]> inserted = new ArrayList<>(proof);
                    inserted.add(1, SOME_HASH);
                    assertThat(MerkleTree.verifyInclusion(leaf, i, n, inserted, root))
                            .isFalse();
                }
            }
        }

        /** The corruptions of transparency-dev/merkle's verifierConsistencyCheck, each of which must fail. */
        @Test
        void everyCorruptionOfAConsistencyVectorFails() {
            for (Consistency vector : CONSISTENCY_PROOFS.subList(1, CONSISTENCY_PROOFS.size())) {
                int m = vector.oldSize();
                int n = vector.newSize();
                byte[] oldRoot = ROOTS.get(m - 1);
                byte[] newRoot = ROOTS.get(n - 1);
                List<byte[]> proof = vector.proof();
                byte[] wrongRoot = SOME_HASH;
                assertThat(MerkleTree.verifyConsistency(m - 1, n, oldRoot, newRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m + 1, n, oldRoot, newRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m ^ 2, n, oldRoot, newRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n * 2, oldRoot, newRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n / 2, oldRoot, newRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, wrongRoot, newRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, wrongRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, newRoot, oldRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, List.of()))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, append(proof, new byte[0])))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, append(proof, oldRoot)))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, append(proof, newRoot)))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, prepend(new byte[0], proof)))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, prepend(oldRoot, proof)))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, prepend(newRoot, proof)))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, prepend(proof.get(0), proof)))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, proof.subList(0, proof.size() - 1)))
                        .isFalse();
                for (int p = 0; p < proof.size(); p++) {
                    assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, flipBit(proof, p, 4)))
                            .isFalse();
                }
            }
        }

        /**
         * The edge cases of transparency-dev/merkle's TestVerifyConsistency, with 32-byte stand-ins for its
         * "don't care" roots because roots of any other length are refused here.
         */
        @ParameterizedTest
        @CsvSource({
            "0, 0, a, b, 0, false",
            "1, 1, a, b, 0, false",
            "0, 0, a, a, 0, true",
            "0, 1, a, b, 0, true",
            "1, 1, b, b, 0, true",
            "1, 0, a, b, 0, false",
            "2, 1, a, b, 0, false",
            "1, 2, a, b, 0, false",
            "0, 0, empty, b, 0, false",
            "1, 1, empty, b, 0, false",
            "0, 0, empty, empty, 1, false",
            "0, 1, empty, empty, 1, false",
            "1, 1, empty, empty, 1, false"
        })
        void theEdgeCasesOfConsistency(long m, long n, String oldRoot, String newRoot, int proofLength, boolean ok) {
            List<byte[]> proof = proofLength == 0 ? List.of() : List.of(EMPTY_ROOT);
            assertThat(MerkleTree.verifyConsistency(m, n, root(oldRoot), root(newRoot), proof))
                    .isEqualTo(ok);
        }

        @Test
        void rootsThatAreNotHashesNeverVerify() {
            assertThat(MerkleTree.verifyConsistency(0, 0, new byte[12], new byte[12], List.of()))
                    .isFalse();
            assertThat(MerkleTree.verifyInclusion(ROOTS.get(0), 0, 1, List.of(), new byte[0]))
                    .isFalse();
            byte[] single = MerkleTree.leafHash("data".getBytes(StandardCharsets.US_ASCII));
            assertThat(MerkleTree.verifyInclusion(single, 0, 1, List.of(), single))
                    .isTrue();
            assertThat(MerkleTree.verifyInclusion(new byte[0], 0, 1, List.of(), single))
                    .isFalse();
            for (long[] probe : new long[][] {{0, 0}, {1, 0}, {2, 1}}) {
                assertThat(MerkleTree.verifyInclusion(SOME_HASH, probe[0], probe[1], List.of(), EMPTY_ROOT))
                        .isFalse();
            }
        }

        private byte[] root(String name) {
            return switch (name) {
                case "a" -> ReferenceMerkleTree.sha256("don't care 1".getBytes(StandardCharsets.US_ASCII));
                case "b" -> ReferenceMerkleTree.sha256("don't care 2".getBytes(StandardCharsets.US_ASCII));
                default -> EMPTY_ROOT;
            };
        }
    }

    @Nested
    class AgainstTheReference {

        @Test
        void everyRootProofUpTo64LeavesIsTheReferencesOne() {
            List<byte[]> inputs = randomInputs(64, 1);
            LeafHashes leaves = InMemoryLeafHashes.ofLeafInputs(inputs);
            for (int n = 0; n <= 64; n++) {
                List<byte[]> prefix = inputs.subList(0, n);
                assertThat(MerkleTree.rootHash(leaves, n)).isEqualTo(ReferenceMerkleTree.mth(prefix));
                for (int i = 0; i < n; i++) {
                    assertThat(MerkleTree.inclusionProof(leaves, i, n))
                            .as("inclusion of %d in %d", i, n)
                            .containsExactlyElementsOf(ReferenceMerkleTree.path(i, prefix));
                }
                for (int m = 1; m < n; m++) {
                    assertThat(MerkleTree.consistencyProof(leaves, m, n))
                            .as("consistency from %d to %d", m, n)
                            .containsExactlyElementsOf(ReferenceMerkleTree.proof(m, prefix));
                }
            }
        }

        @Test
        void storedSubtreesGiveTheSameAnswersWithFewerReads() {
            List<byte[]> inputs = randomInputs(1000, 2);
            List<byte[]> hashes = inputs.stream().map(MerkleTree::leafHash).toList();
            StoredTree stored = new StoredTree(hashes);
            LeafHashes plain = InMemoryLeafHashes.of(hashes);

            assertThat(MerkleTree.rootHash(stored, 1000)).isEqualTo(ReferenceMerkleTree.mth(inputs));
            assertThat(stored.leafReads + stored.storedReads).isLessThan(20);

            stored.leafReads = 0;
            stored.storedReads = 0;
            assertThat(MerkleTree.inclusionProof(stored, 777, 999))
                    .containsExactlyElementsOf(MerkleTree.inclusionProof(plain, 777, 999));
            assertThat(stored.leafReads + stored.storedReads).isLessThan(60);

            stored.leafReads = 0;
            stored.storedReads = 0;
            assertThat(MerkleTree.consistencyProof(stored, 333, 999))
                    .containsExactlyElementsOf(MerkleTree.consistencyProof(plain, 333, 999));
            assertThat(stored.leafReads + stored.storedReads).isLessThan(60);
        }

        @Test
        void aStoredSubtreeHashThatIsNotAHashIsAnError() {
            LeafHashes broken = new LeafHashes() {
                @Override
                public long size() {
                    return 4;
                }

                @Override
                public byte[] leafHash(long index) {
                    return new byte[32];
                }

                @Override
                public byte[] storedSubtreeHash(int level, long index) {
                    return new byte[31];
                }
            };
            assertThatThrownBy(() -> MerkleTree.rootHash(broken, 4))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("stored subtree hash at level 2, index 0 is 31 bytes, not 32");
        }
    }

    @Nested
    class Properties {

        private static final int MAX_SIZE = 300;
        private final List<byte[]> inputs = randomInputs(MAX_SIZE, 3);
        private final StoredTree leaves =
                new StoredTree(inputs.stream().map(MerkleTree::leafHash).toList());
        private final List<byte[]> roots = IntStream.rangeClosed(0, MAX_SIZE)
                .mapToObj(n -> MerkleTree.rootHash(leaves, n))
                .toList();

        @Test
        void everyInclusionProofUpTo300LeavesVerifies() {
            for (int n = 1; n <= MAX_SIZE; n++) {
                for (int i = 0; i < n; i++) {
                    List<byte[]> proof = MerkleTree.inclusionProof(leaves, i, n);
                    assertThat(MerkleTree.verifyInclusion(leaves.leafHash(i), i, n, proof, roots.get(n)))
                            .as("inclusion of %d in %d", i, n)
                            .isTrue();
                }
            }
        }

        @Test
        void everyConsistencyProofBetweenSizesUpTo300Verifies() {
            for (int n = 0; n <= MAX_SIZE; n++) {
                for (int m = 0; m <= n; m++) {
                    List<byte[]> proof = MerkleTree.consistencyProof(leaves, m, n);
                    assertThat(MerkleTree.verifyConsistency(m, n, roots.get(m), roots.get(n), proof))
                            .as("consistency from %d to %d", m, n)
                            .isTrue();
                }
            }
        }

        @Test
        void aFlippedBitOrAnotherLeafIndexFailsInclusion() {
            Random random = new Random(4);
            for (int trial = 0; trial < 3000; trial++) {
                int n = 2 + random.nextInt(MAX_SIZE - 1);
                int i = random.nextInt(n);
                byte[] leaf = leaves.leafHash(i);
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, i, n);
                int element = random.nextInt(proof.size());
                int bit = random.nextInt(256);
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, flipBit(proof, element, bit), roots.get(n)))
                        .as("bit %d of proof[%d] of %d in %d flipped", bit, element, i, n)
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(flip(leaf, bit), i, n, proof, roots.get(n)))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, proof, flip(roots.get(n), bit)))
                        .isFalse();
                int other = (i + 1 + random.nextInt(n - 1)) % n;
                assertThat(MerkleTree.verifyInclusion(leaf, other, n, proof, roots.get(n)))
                        .as("proof of %d in %d presented for leaf %d", i, n, other)
                        .isFalse();
            }
        }

        /**
         * A proof against the checkpoint of another size fails. (Against the right root and a wrong size it
         * can pass: see {@link #anInclusionProofDoesNotFixTheTreeSizeOnItsOwn}.)
         */
        @Test
        void anInclusionProofFailsAgainstTheTreeOfAnotherSize() {
            for (int n = 1; n <= MAX_SIZE; n++) {
                for (int i = 0; i < n; i++) {
                    List<byte[]> proof = MerkleTree.inclusionProof(leaves, i, n);
                    for (int wrong : new int[] {n - 1, n + 1, n * 2, n / 2}) {
                        if (wrong > i && wrong <= MAX_SIZE && wrong != n) {
                            assertThat(MerkleTree.verifyInclusion(
                                            leaves.leafHash(i), i, wrong, proof, roots.get(wrong)))
                                    .as("proof of %d in %d checked against size %d", i, n, wrong)
                                    .isFalse();
                        }
                    }
                }
            }
        }

        /**
         * RFC 9162's algorithm checks that the proof has the length of the path, not the size itself: the
         * proof of leaf 0 in 3 leaves also passes as a proof in 4 leaves against the root of 3. The size
         * must therefore come from the same signed checkpoint as the root.
         */
        @Test
        void anInclusionProofDoesNotFixTheTreeSizeOnItsOwn() {
            List<byte[]> proof = MerkleTree.inclusionProof(leaves, 0, 3);
            assertThat(MerkleTree.verifyInclusion(leaves.leafHash(0), 0, 4, proof, roots.get(3)))
                    .isTrue();
        }

        @Test
        void aFlippedBitFailsConsistency() {
            Random random = new Random(5);
            for (int trial = 0; trial < 3000; trial++) {
                int n = 2 + random.nextInt(MAX_SIZE - 1);
                int m = 1 + random.nextInt(n - 1);
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, m, n);
                byte[] oldRoot = roots.get(m);
                byte[] newRoot = roots.get(n);
                int element = random.nextInt(proof.size());
                int bit = random.nextInt(256);
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, flipBit(proof, element, bit)))
                        .as("bit %d of proof[%d] from %d to %d flipped", bit, element, m, n)
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, flip(oldRoot, bit), newRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, flip(newRoot, bit), proof))
                        .isFalse();
            }
        }

        /**
         * A proof fails for another old size, whichever old root comes with it, and against the checkpoint
         * of another new size. (Against the right new root and a wrong new size it can pass: see {@link
         * #aConsistencyProofDoesNotFixTheNewSizeOnItsOwn}.)
         */
        @Test
        void aConsistencyProofFailsForOtherSizes() {
            for (int n = 2; n <= MAX_SIZE; n++) {
                for (int m = 1; m < n; m++) {
                    List<byte[]> proof = MerkleTree.consistencyProof(leaves, m, n);
                    for (int wrongOld : new int[] {m - 1, m + 1, m * 2, m / 2}) {
                        if (wrongOld >= 1 && wrongOld < n && wrongOld != m) {
                            assertThat(MerkleTree.verifyConsistency(wrongOld, n, roots.get(m), roots.get(n), proof))
                                    .as("proof from %d to %d presented as from %d", m, n, wrongOld)
                                    .isFalse();
                            assertThat(MerkleTree.verifyConsistency(
                                            wrongOld, n, roots.get(wrongOld), roots.get(n), proof))
                                    .as("proof from %d to %d checked against size %d", m, n, wrongOld)
                                    .isFalse();
                        }
                    }
                    for (int wrongNew : new int[] {n - 1, n + 1, n * 2, n / 2}) {
                        if (wrongNew > m && wrongNew <= MAX_SIZE && wrongNew != n) {
                            assertThat(MerkleTree.verifyConsistency(
                                            m, wrongNew, roots.get(m), roots.get(wrongNew), proof))
                                    .as("proof from %d to %d checked against size %d", m, n, wrongNew)
                                    .isFalse();
                        }
                    }
                }
            }
        }

        /**
         * As for inclusion, the algorithm checks the proof's length against the new size, not the size
         * itself: the proof from 5 to 43 leaves passes as a proof from 5 to 42 against the root of 43.
         */
        @Test
        void aConsistencyProofDoesNotFixTheNewSizeOnItsOwn() {
            List<byte[]> proof = MerkleTree.consistencyProof(leaves, 5, 43);
            assertThat(MerkleTree.verifyConsistency(5, 42, roots.get(5), roots.get(43), proof))
                    .isTrue();
        }
    }

    @Nested
    class Arguments {

        @Test
        void sizesOutsideTheLeavesAreRefused() {
            assertThatThrownBy(() -> MerkleTree.rootHash(TEST_TREE, 9))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tree size 9 is not between 0 and the 8 leaves there are");
            assertThatThrownBy(() -> MerkleTree.inclusionProof(TEST_TREE, 8, 8))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("leaf 8 is not in a tree of 8 leaves");
            assertThatThrownBy(() -> MerkleTree.consistencyProof(TEST_TREE, 5, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no consistency proof from 5 to 4 leaves: the old size must be 0..4");
            assertThatThrownBy(() -> MerkleTree.subtreeHash(TEST_TREE, 3, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("subtree [3, 3) is not a non-empty range of the 8 leaves");
        }

        @Test
        void proofsBetweenEqualSizesOrFromTheEmptyTreeAreEmpty() {
            assertThat(MerkleTree.consistencyProof(TEST_TREE, 0, 8)).isEmpty();
            assertThat(MerkleTree.consistencyProof(TEST_TREE, 8, 8)).isEmpty();
            assertThat(MerkleTree.verifyConsistency(0, 8, EMPTY_ROOT, ROOTS.get(7), List.of()))
                    .isTrue();
        }

        @Test
        void inMemoryLeafHashesAreHashes() {
            assertThatThrownBy(() -> InMemoryLeafHashes.of(List.of(new byte[32], new byte[31])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("leaf hash 1 must be 32 bytes, is 31 bytes");
        }
    }

    private static byte[] leafHash(int index) {
        return MerkleTree.leafHash(LEAVES.get(index));
    }

    private static List<byte[]> randomInputs(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] input = new byte[random.nextInt(40)];
            random.nextBytes(input);
            inputs.add(input);
        }
        return inputs;
    }

    private static List<byte[]> flipBit(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flip(proof.get(element), bit));
        return copy;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(extra);
        return copy;
    }

    private static List<byte[]> prepend(byte[] extra, List<byte[]> proof) {
        List<byte[]> copy = new ArrayList<>();
        copy.add(extra);
        copy.addAll(proof);
        return copy;
    }

    private static List<byte[]> hexes(String... values) {
        return Arrays.stream(values).map(HEX::parseHex).toList();
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
