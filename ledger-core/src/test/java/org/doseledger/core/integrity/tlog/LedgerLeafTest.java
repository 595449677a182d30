package org.doseledger.core.integrity.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LedgerLeafTest {

    private static final byte[] EVENT_HASH =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void theLeafInputIsTagIndexAndEventHash() {
        byte[] expected = HexFormat.of()
                .parseHex(
                        "444f53452d4c45444745522d4c4541462f31" // DOSE-LEDGER-LEAF/1
                                + "0000000000000102" // 258, big-endian
                                + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertThat("DOSE-LEDGER-LEAF/1".getBytes(StandardCharsets.US_ASCII))
                .isEqualTo(HexFormat.of().parseHex("444f53452d4c45444745522d4c4541462f31"));
        assertThat(LedgerLeaf.input(258, EVENT_HASH)).isEqualTo(expected);
        assertThat(LedgerLeaf.hash(258, EVENT_HASH)).isEqualTo(ReferenceMerkleTree.sha256(new byte[] {0x00}, expected));
    }

    @Test
    void theIndexIsPartOfTheLeaf() {
        assertThat(LedgerLeaf.hash(1, EVENT_HASH)).isNotEqualTo(LedgerLeaf.hash(2, EVENT_HASH));
    }

    @Test
    void onlyEventHashesAndPositionsMakeLeaves() {
        assertThatThrownBy(() -> LedgerLeaf.hash(-1, EVENT_HASH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("global index must not be negative: -1");
        assertThatThrownBy(() -> LedgerLeaf.hash(1, new byte[20]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an event hash is 32 bytes, this one 20");
    }
}
