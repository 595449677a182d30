package org.doseledger.projections.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CellTextTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void anInstantIsShownWithTheOffsetOfTheReportZoneThatDay() {
        assertThat(CellText.of(Instant.parse("2026-11-20T15:30:00Z"), CHICAGO)).isEqualTo("2026-11-20T09:30:00-06:00");
        assertThat(CellText.of(Instant.parse("2026-07-01T15:30:00Z"), CHICAGO)).isEqualTo("2026-07-01T10:30:00-05:00");
    }

    @Test
    void anOffsetDateTimeKeepsItsOwnOffset() {
        OffsetDateTime time = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.ofHours(1));

        assertThat(CellText.of(time, CHICAGO)).isEqualTo("2026-03-02T08:00:00+01:00");
    }

    @Test
    void decimalsAreWrittenPlainWithTheirScale() {
        assertThat(CellText.of(new BigDecimal("30.150"), CHICAGO)).isEqualTo("30.150");
        assertThat(CellText.of(new BigDecimal("1E+3"), CHICAGO)).isEqualTo("1000");
    }

    @Test
    void otherCellsAsPeopleReadThem() {
        assertThat(CellText.of(LocalDate.of(2026, 1, 31), CHICAGO)).isEqualTo("2026-01-31");
        assertThat(CellText.of(true, CHICAGO)).isEqualTo("yes");
        assertThat(CellText.of(false, CHICAGO)).isEqualTo("no");
        assertThat(CellText.of(42L, CHICAGO)).isEqualTo("42");
        assertThat(CellText.of(7, CHICAGO)).isEqualTo("7");
        assertThat(CellText.of("Lot 12", CHICAGO)).isEqualTo("Lot 12");
        assertThat(CellText.of(null, CHICAGO)).isEmpty();
    }

    @Test
    void cannotPrintATypeThatIsNotAReportCell() {
        assertThatThrownBy(() -> CellText.of(1.5d, CHICAGO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }
}
