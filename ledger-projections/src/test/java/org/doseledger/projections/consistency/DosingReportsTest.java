package org.doseledger.projections.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DosingReportsTest {

    @Test
    void quartilesInterpolateBetweenClosestRanks() {
        List<BigDecimal> doses =
                Stream.of("75", "75", "80", "100").map(BigDecimal::new).toList();

        DoseStatsView stats = DosingReports.stats(doses);

        assertThat(stats.sessions()).isEqualTo(4);
        assertThat(stats.minMilligrams()).isEqualByComparingTo("75");
        assertThat(stats.q1Milligrams()).isEqualByComparingTo("75");
        assertThat(stats.medianMilligrams()).isEqualByComparingTo("77.5");
        assertThat(stats.q3Milligrams()).isEqualByComparingTo("85");
        assertThat(stats.maxMilligrams()).isEqualByComparingTo("100");
        assertThat(stats.meanMilligrams()).isEqualByComparingTo("82.5");
    }

    @Test
    void oneDoseIsItsOwnQuartiles() {
        DoseStatsView stats = DosingReports.stats(List.of(new BigDecimal("62.5")));

        assertThat(stats.q1Milligrams()).isEqualByComparingTo("62.5");
        assertThat(stats.medianMilligrams()).isEqualByComparingTo("62.5");
        assertThat(stats.q3Milligrams()).isEqualByComparingTo("62.5");
    }

    @Test
    void quantilesOfAnOddCount() {
        List<BigDecimal> doses =
                Stream.of("60", "70", "75", "80", "120").map(BigDecimal::new).toList();

        assertThat(DosingReports.quantile(doses, 0.25)).isEqualByComparingTo("70");
        assertThat(DosingReports.quantile(doses, 0.5)).isEqualByComparingTo("75");
        assertThat(DosingReports.quantile(doses, 0.75)).isEqualByComparingTo("80");
    }

    private static final PlanInForceView PLAN = new PlanInForceView(
            "plan-1", "IM", "MG", new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("120"), "P6D");
    private static final java.time.Instant START = java.time.Instant.parse("2026-11-02T15:00:00Z");

    /** A session started {@code day} days after START, a draw 5 minutes in and a dose 10 minutes in. */
    private static DosingReports.Session session(int day, String drawn, String given, String wasted) {
        DosingReports.Session session = new DosingReports.Session("c-1", "s-" + day);
        session.startedAt = START.plus(java.time.Duration.ofDays(day));
        session.firstDrawnAt = session.startedAt.plusSeconds(300);
        session.firstAdministeredAt = new BigDecimal(given).signum() > 0 ? session.startedAt.plusSeconds(600) : null;
        session.drawnMg = new BigDecimal(drawn);
        session.administeredMg = new BigDecimal(given);
        session.wastedMg = new BigDecimal(wasted);
        return session;
    }

    private static List<String> flags(
            DosingReports.Session previous, DosingReports.Session session, PlanInForceView plan) {
        return session.view(previous, plan, null, 1, new com.fasterxml.jackson.databind.ObjectMapper())
                .flags();
    }

    @Test
    void anOrdinarySessionRaisesNoFlag() {
        assertThat(flags(session(0, "100", "80", "20"), session(7, "100", "80", "20"), PLAN))
                .isEmpty();
    }

    @Test
    void aLongGapSinceThePreviousDosedSessionIsFlagged() {
        assertThat(flags(session(0, "100", "80", "20"), session(29, "100", "80", "20"), PLAN))
                .containsExactly("LONG_GAP");
        assertThat(flags(session(0, "100", "80", "20"), session(28, "100", "80", "20"), PLAN))
                .isEmpty();
    }

    @Test
    void wastingMoreThanHalfOfWhatWasDrawnIsFlagged() {
        assertThat(flags(null, session(0, "100", "40", "60"), PLAN)).containsExactly("HIGH_WASTE_SHARE");
        assertThat(flags(null, session(0, "100", "50", "50"), PLAN)).isEmpty();
    }

    @Test
    void aDrawWastedWholeIsFlagged() {
        assertThat(flags(null, session(0, "100", "0", "100"), PLAN)).containsExactly("FULLY_WASTED_DRAW");
    }

    @Test
    void aDoseDatedBeforeItsDrawIsFlagged() {
        DosingReports.Session backwards = session(0, "100", "100", "0");
        backwards.firstAdministeredAt = backwards.firstDrawnAt.minusSeconds(60);
        assertThat(flags(null, backwards, PLAN)).containsExactly("ADMINISTERED_BEFORE_DRAW");
    }

    @Test
    void aDoseWithoutAPlanInForceIsFlagged() {
        assertThat(flags(null, session(0, "100", "100", "0"), null)).containsExactly("NO_PLAN_IN_FORCE");
    }

    @Test
    void whatWasDrawnAndNeitherGivenNorWastedIsFlagged() {
        assertThat(flags(null, session(0, "100", "80", "0"), PLAN)).containsExactly("DRAW_LEFT_OPEN");
    }
}
