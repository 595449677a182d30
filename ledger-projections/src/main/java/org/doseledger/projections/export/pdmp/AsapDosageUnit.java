package org.doseledger.projections.export.pdmp;

import org.doseledger.core.shared.StockUnit;

/** DSP11 and CDI05: the unit the dispensed quantity is counted in. */
public enum AsapDosageUnit {
    /** 01: each (troches, nasal spray devices). */
    EACH("01"),
    /** 02: millilitres. */
    MILLILITRES("02"),
    /** 03: grams. */
    GRAMS("03");

    private final String code;

    AsapDosageUnit(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The ledger's stock unit as ASAP counts it: mL as millilitres, troches and devices as each. */
    public static AsapDosageUnit of(StockUnit unit) {
        return switch (unit) {
            case ML -> MILLILITRES;
            case EACH, DEVICE -> EACH;
        };
    }
}
