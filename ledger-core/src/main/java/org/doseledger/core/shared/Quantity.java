package org.doseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of a product in its unit (mL, each, device). Never a floating-point number:
 * balances are sums of these and must come out exact, to the last 0.001 mL.
 */
public record Quantity(BigDecimal amount, StockUnit unit) implements Comparable<Quantity> {

    public Quantity {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    public static Quantity of(String amount, StockUnit unit) {
        return new Quantity(new BigDecimal(amount), unit);
    }

    public static Quantity zero(StockUnit unit) {
        return new Quantity(BigDecimal.ZERO, unit);
    }

    /** Why the amount is not a valid quantity to move (not positive, too precise), or null when it is. */
    public static String problemWith(BigDecimal amount, StockUnit unit) {
        if (amount == null || unit == null) {
            return "a quantity needs an amount and a unit";
        }
        if (amount.signum() <= 0) {
            return "quantity must be greater than zero: " + amount.toPlainString();
        }
        if (amount.stripTrailingZeros().scale() > unit.maxScale()) {
            return "quantity " + amount.toPlainString() + " " + unit + " has more than " + unit.maxScale()
                    + " decimal places";
        }
        return null;
    }

    public Quantity plus(Quantity other) {
        return new Quantity(amount.add(sameUnit(other).amount), unit);
    }

    public Quantity minus(Quantity other) {
        return new Quantity(amount.subtract(sameUnit(other).amount), unit);
    }

    public Quantity times(int factor) {
        return new Quantity(amount.multiply(BigDecimal.valueOf(factor)), unit);
    }

    public Quantity negate() {
        return new Quantity(amount.negate(), unit);
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Quantity other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return amount.compareTo(sameUnit(other).amount);
    }

    private Quantity sameUnit(Quantity other) {
        if (other.unit != unit) {
            throw new IllegalArgumentException("cannot combine " + unit + " with " + other.unit);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + unit;
    }
}
