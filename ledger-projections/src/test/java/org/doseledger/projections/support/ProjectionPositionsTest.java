package org.doseledger.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ProjectionPositionsTest {

    @Test
    void aTokenPastThePositionCoversIt() {
        assertThat(ProjectionPositions.covers(GapAwareTrackingToken.newInstance(10, List.of()), 10))
                .isTrue();
        assertThat(ProjectionPositions.covers(GapAwareTrackingToken.newInstance(12, List.of()), 10))
                .isTrue();
    }

    @Test
    void aTokenBeforeThePositionDoesNotCoverIt() {
        assertThat(ProjectionPositions.covers(GapAwareTrackingToken.newInstance(9, List.of()), 10))
                .isFalse();
    }

    @Test
    void aPositionStillInTheGapsIsNotCoveredYet() {
        // a transaction that took position 10 had not committed when the processor passed it
        assertThat(ProjectionPositions.covers(GapAwareTrackingToken.newInstance(12, Set.of(10L)), 10))
                .isFalse();
        assertThat(ProjectionPositions.covers(GapAwareTrackingToken.newInstance(12, Set.of(11L)), 10))
                .isTrue();
    }

    @Test
    void duringAReplayTheCurrentTokenCounts() {
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(20, List.of()), GapAwareTrackingToken.newInstance(5, List.of()));

        assertThat(ProjectionPositions.covers(replaying, 5)).isTrue();
        assertThat(ProjectionPositions.covers(replaying, 6)).isFalse();
    }

    @Test
    void otherTokensAreJudgedByTheirPosition() {
        assertThat(ProjectionPositions.covers(new GlobalSequenceTrackingToken(7), 7))
                .isTrue();
        assertThat(ProjectionPositions.covers(new GlobalSequenceTrackingToken(6), 7))
                .isFalse();
        assertThat(ProjectionPositions.covers(null, 7)).isFalse();
    }
}
