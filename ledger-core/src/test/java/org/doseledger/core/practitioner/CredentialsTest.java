package org.doseledger.core.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.doseledger.core.practitioner.api.Credentials;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.ControlledSchedule;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void anExpiredLicenceCannotAdminister() {
        Credentials expired = new Credentials(DAY.minusDays(1), null, List.of(), null, null);

        assertThat(expired.problemWith(StockAction.ADMINISTER, DAY)).contains("expired on 2026-11-19");
    }

    @Test
    void aLicenceIsValidThroughItsExpiryDay() {
        Credentials lastDay = new Credentials(DAY, null, List.of(), null, null);

        assertThat(lastDay.problemWith(StockAction.ADMINISTER, DAY)).isNull();
    }

    @Test
    void withoutALicenceOnRecordNoClinicalAct() {
        assertThat(Credentials.NONE.problemWith(StockAction.DRAW, DAY)).isEqualTo("no state licence on record");
        assertThat(Credentials.NONE.problemWith(StockAction.WITNESS, DAY)).isNull();
        assertThat(Credentials.NONE.problemWith(StockAction.COUNT, DAY)).isNull();
    }

    @Test
    void prescribingNeedsAValidDeaRegistrationCoveringScheduleIiin() {
        LocalDate later = DAY.plusYears(1);

        assertThat(new Credentials(later, null, List.of(), null, null).problemWith(StockAction.PRESCRIBE, DAY))
                .contains("no DEA registration");
        assertThat(new Credentials(later, DAY.minusDays(1), List.of(ControlledSchedule.IIIN), null, null)
                        .problemWith(StockAction.PRESCRIBE, DAY))
                .contains("DEA registration expired");
        assertThat(new Credentials(later, later, List.of(ControlledSchedule.II), null, null)
                        .problemWith(StockAction.PRESCRIBE, DAY))
                .contains("not schedule IIIN");
        assertThat(new Credentials(later, later, List.of(ControlledSchedule.IIIN), null, null)
                        .problemWith(StockAction.PRESCRIBE, DAY))
                .isNull();
    }
}
