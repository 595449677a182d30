package org.doseledger.core.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.doseledger.core.shared.Quantity;

/** A quantity as DEA Form 41 states it: so many full containers plus a partial count. */
record Containers(int full, Quantity partial) {

    static Containers split(Quantity quantity, Quantity containerSize) {
        BigDecimal[] parts = quantity.amount().divideAndRemainder(containerSize.amount());
        return new Containers(
                parts[0].setScale(0, RoundingMode.DOWN).intValueExact(), new Quantity(parts[1], quantity.unit()));
    }
}
