package org.doseledger.projections.support;

import java.math.BigDecimal;

/** Amounts read back from numeric columns, without the column's padding zeros. */
public final class Decimals {

    private Decimals() {}

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
