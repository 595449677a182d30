package org.doseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.projections.support.SegmentBalancer;
import org.junit.jupiter.api.Test;

class SegmentBalancerTest {

    @Test
    void everySegmentHasANodeAndTheProcessorsOddSegmentsFallOnDifferentNodes() {
        int[] perNode = new int[3];
        for (int processor = 0; processor < 6; processor++) {
            int assigned = 0;
            for (int rank = 0; rank < 3; rank++) {
                int share = SegmentBalancer.share(4, 3, rank, processor);
                assertThat(share).isBetween(1, 2);
                perNode[rank] += share;
                assigned += share;
            }
            assertThat(assigned).as("processor %d", processor).isEqualTo(4);
        }
        assertThat(perNode).containsExactly(8, 8, 8);
    }

    @Test
    void aLoneNodesShareIsEverySegmentAndMoreNodesThanSegmentsLeaveSomeWithNone() {
        assertThat(SegmentBalancer.share(4, 1, 0, 5)).isEqualTo(4);
        int assigned = 0;
        for (int rank = 0; rank < 6; rank++) {
            assigned += SegmentBalancer.share(4, 6, rank, 2);
        }
        assertThat(assigned).isEqualTo(4);
        assertThat(SegmentBalancer.share(4, 2, 0, 0)).isEqualTo(2);
        assertThat(SegmentBalancer.share(4, 2, 1, 3)).isEqualTo(2);
    }
}
