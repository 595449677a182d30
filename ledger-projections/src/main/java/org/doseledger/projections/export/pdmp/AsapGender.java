package org.doseledger.projections.export.pdmp;

/** PAT19: the patient's gender code. The ledger does not record it yet. */
public enum AsapGender {
    FEMALE("F"),
    MALE("M"),
    UNKNOWN("U");

    private final String code;

    AsapGender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
