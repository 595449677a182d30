package org.doseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StrengthTest {

    private static final Strength FIFTY_MG_PER_ML = new Strength(new BigDecimal("50"), StockUnit.ML);

    @Test
    void milligramsInAnEighthOfAMillilitreAreExact() {
        assertThat(FIFTY_MG_PER_ML.milligramsIn(Quantity.of("0.125", StockUnit.ML)))
                .isEqualTo(new BigDecimal("6.25"));
    }

    @Test
    void milligramsInAThousandthOfAMillilitreAreExact() {
        assertThat(FIFTY_MG_PER_ML.milligramsIn(Quantity.of("0.001", StockUnit.ML)))
                .isEqualTo(new BigDecimal("0.05"));
    }

    @Test
    void wholeMilligramsHaveNoDecimalsOrExponent() {
        BigDecimal milligrams = FIFTY_MG_PER_ML.milligramsIn(Quantity.of("50", StockUnit.ML));

        assertThat(milligrams).isEqualTo(new BigDecimal("2500"));
        assertThat(milligrams.toString()).isEqualTo("2500");
    }

    @Test
    void milligramsInTrochesFollowFromTheCount() {
        Strength twoHundredMgPerTroche = new Strength(new BigDecimal("200"), StockUnit.EACH);

        assertThat(twoHundredMgPerTroche.milligramsIn(Quantity.of("3", StockUnit.EACH)))
                .isEqualTo(new BigDecimal("600"));
    }

    @Test
    void cannotTakeMilligramsOfAQuantityInAnotherUnit() {
        assertThatThrownBy(() -> FIFTY_MG_PER_ML.milligramsIn(Quantity.of("1", StockUnit.EACH)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
