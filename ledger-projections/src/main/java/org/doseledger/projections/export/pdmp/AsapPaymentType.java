package org.doseledger.projections.export.pdmp;

/** DSP16: classification code for the payment type. The ledger does not record payment. */
public enum AsapPaymentType {
    MEDICAID("01"),
    MEDICARE("02"),
    COMMERCIAL_INSURANCE("03"),
    /** 04: private pay (cash, charge, credit card). */
    PRIVATE_PAY("04"),
    MILITARY_OR_VA("05"),
    WORKERS_COMPENSATION("06"),
    INDIAN_NATIONS("07"),
    OTHER("99");

    private final String code;

    AsapPaymentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
