package org.doseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @Test
    void plusIsExact() {
        assertThat(ml("0.1").plus(ml("0.2"))).isEqualTo(ml("0.3"));
    }

    @Test
    void minusIsExact() {
        assertThat(ml("1").minus(ml("0.333")).minus(ml("0.333")).minus(ml("0.334")))
                .isEqualTo(Quantity.zero(StockUnit.ML));
    }

    @Test
    void timesMultipliesTheAmount() {
        assertThat(ml("10").times(5)).isEqualTo(ml("50"));
    }

    @Test
    void equalityIgnoresTrailingZeros() {
        assertThat(Quantity.of("1.50", StockUnit.ML)).isEqualTo(Quantity.of("1.5", StockUnit.ML));
        assertThat(Quantity.of("1.50", StockUnit.ML)).hasSameHashCodeAs(Quantity.of("1.5", StockUnit.ML));
    }

    @Test
    void wholeAmountsKeepAPlainScale() {
        Quantity hundred = Quantity.of("100.00", StockUnit.ML);

        assertThat(hundred.amount().scale()).isZero();
        assertThat(hundred).hasToString("100 ML");
    }

    @Test
    void zeroWrittenWithDecimalsIsZero() {
        assertThat(Quantity.of("0.000", StockUnit.ML)).isEqualTo(Quantity.zero(StockUnit.ML));
        assertThat(Quantity.of("0.000", StockUnit.ML).isZero()).isTrue();
    }

    @Test
    void theSameAmountInAnotherUnitIsAnotherQuantity() {
        assertThat(Quantity.of("1", StockUnit.EACH)).isNotEqualTo(Quantity.of("1", StockUnit.DEVICE));
    }

    @Test
    void cannotAddDifferentUnits() {
        assertThatThrownBy(() -> ml("1").plus(Quantity.of("1", StockUnit.EACH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cannotSubtractDifferentUnits() {
        assertThatThrownBy(() -> ml("1").minus(Quantity.of("1", StockUnit.DEVICE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cannotCompareDifferentUnits() {
        assertThatThrownBy(() -> ml("1").isGreaterThan(Quantity.of("1", StockUnit.EACH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesByAmount() {
        assertThat(ml("1.001").isGreaterThan(ml("1"))).isTrue();
        assertThat(ml("1.000").isGreaterThan(ml("1"))).isFalse();
        assertThat(ml("1").minus(ml("1.5")).isNegative()).isTrue();
    }

    @Test
    void problemWithAcceptsAPositiveQuantityToTheThousandthOfAMillilitre() {
        assertThat(Quantity.problemWith(new BigDecimal("0.125"), StockUnit.ML)).isNull();
        assertThat(Quantity.problemWith(new BigDecimal("0.1250"), StockUnit.ML)).isNull();
        assertThat(Quantity.problemWith(new BigDecimal("100"), StockUnit.ML)).isNull();
    }

    @Test
    void problemWithAcceptsWholeTrochesWrittenWithZeroDecimals() {
        assertThat(Quantity.problemWith(new BigDecimal("2.0"), StockUnit.EACH)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.000", "-1", "-0.001"})
    void problemWithRejectsZeroAndNegativeAmounts(String amount) {
        assertThat(Quantity.problemWith(new BigDecimal(amount), StockUnit.ML)).startsWith("quantity must be greater");
    }

    @Test
    void problemWithRejectsMoreThanThreeDecimalsOfAMillilitre() {
        assertThat(Quantity.problemWith(new BigDecimal("0.0001"), StockUnit.ML))
                .isEqualTo("quantity 0.0001 ML has more than 3 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "1.5", "2.25"})
    void problemWithRejectsFractionsOfATroche(String amount) {
        assertThat(Quantity.problemWith(new BigDecimal(amount), StockUnit.EACH)).contains("decimal places");
    }

    @Test
    void problemWithRejectsFractionsOfADevice() {
        assertThat(Quantity.problemWith(new BigDecimal("0.5"), StockUnit.DEVICE))
                .contains("decimal places");
    }

    @Test
    void problemWithNeedsAnAmountAndAUnit() {
        assertThat(Quantity.problemWith(null, StockUnit.ML)).isNotNull();
        assertThat(Quantity.problemWith(BigDecimal.ONE, null)).isNotNull();
    }

    private static Quantity ml(String amount) {
        return Quantity.of(amount, StockUnit.ML);
    }
}
