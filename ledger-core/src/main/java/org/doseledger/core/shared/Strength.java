package org.doseledger.core.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How many milligrams of the substance one unit of a product holds: 50 mg per mL, 200 mg per troche,
 * 28 mg per device. Milligrams always follow from a quantity times the strength.
 */
public record Strength(BigDecimal milligramsPerUnit, StockUnit unit) {

    public Strength {
        Objects.requireNonNull(milligramsPerUnit, "milligrams per unit");
        Objects.requireNonNull(unit, "unit");
        milligramsPerUnit = milligramsPerUnit.stripTrailingZeros();
        if (milligramsPerUnit.scale() < 0) {
            milligramsPerUnit = milligramsPerUnit.setScale(0);
        }
    }

    public BigDecimal milligramsIn(Quantity quantity) {
        if (quantity.unit() != unit) {
            throw new IllegalArgumentException("strength is per " + unit + ", quantity is in " + quantity.unit());
        }
        BigDecimal mg = quantity.amount().multiply(milligramsPerUnit).stripTrailingZeros();
        return mg.scale() < 0 ? mg.setScale(0) : mg;
    }
}
