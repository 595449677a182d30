package org.doseledger.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** Which segments the shared catch-up may take, and the tokens it leaves them with. */
class SharedCatchUpTest {

    private static final TrackingToken TAIL = GapAwareTrackingToken.newInstance(0, Set.of());

    @Test
    void aSegmentAtTheStartIsOneWithoutATokenAtTheTailOrResetToIt() {
        TrackingToken handledSome = GapAwareTrackingToken.newInstance(40, Set.of(12L));

        assertThat(SharedCatchUp.atStart(null, TAIL)).isTrue();
        assertThat(SharedCatchUp.atStart(TAIL, TAIL)).isTrue();
        assertThat(SharedCatchUp.atStart(ReplayToken.createReplayToken(handledSome, TAIL), TAIL))
                .isTrue();
        assertThat(SharedCatchUp.atStart(ReplayToken.createReplayToken(handledSome, null), TAIL))
                .isTrue();
    }

    @Test
    void aSegmentThatHandledAnEventIsNotTaken() {
        TrackingToken one = GapAwareTrackingToken.newInstance(1, Set.of());
        TrackingToken replayedOne =
                ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(40, Set.of()), TAIL);
        replayedOne = ((ReplayToken) replayedOne).advancedTo(one);

        assertThat(SharedCatchUp.atStart(one, TAIL)).isFalse();
        assertThat(SharedCatchUp.atStart(replayedOne, TAIL)).isFalse();
    }

    @Test
    void aResetSegmentStaysAReplayUntilItPassesWhereItWasReset() {
        TrackingToken atReset = GapAwareTrackingToken.newInstance(40, Set.of());
        TrackingToken reset = ReplayToken.createReplayToken(atReset, TAIL);

        TrackingToken halfway = SharedCatchUp.advance(reset, GapAwareTrackingToken.newInstance(20, Set.of(7L)));
        // a gap at 7: an event handled before the reset that the replay has not handled again yet
        TrackingToken pastWithAGap = SharedCatchUp.advance(halfway, GapAwareTrackingToken.newInstance(45, Set.of(7L)));
        TrackingToken past = SharedCatchUp.advance(pastWithAGap, GapAwareTrackingToken.newInstance(46, Set.of()));

        assertThat(halfway).isInstanceOf(ReplayToken.class);
        assertThat(pastWithAGap).isInstanceOf(ReplayToken.class);
        assertThat(past).isEqualTo(GapAwareTrackingToken.newInstance(46, Set.of()));
    }

    @Test
    void aNewSegmentTakesTheCatchUpsTokenWithItsGaps() {
        TrackingToken reached = GapAwareTrackingToken.newInstance(1_000, Set.of(998L));

        assertThat(SharedCatchUp.advance(TAIL, reached)).isEqualTo(reached);
        assertThat(SharedCatchUp.advance(null, reached)).isEqualTo(reached);
    }
}
