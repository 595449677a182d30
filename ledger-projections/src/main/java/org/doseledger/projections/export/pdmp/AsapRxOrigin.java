package org.doseledger.projections.export.pdmp;

/** DSP12: how the prescription reached the dispenser. A practice dispensing on its own prescriber's order writes it. */
public enum AsapRxOrigin {
    WRITTEN("01"),
    TELEPHONE("02"),
    TELEFAX("03"),
    ELECTRONIC("04"),
    TRANSFER("05"),
    OTHER("99");

    private final String code;

    AsapRxOrigin(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
