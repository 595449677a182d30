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
}
