package org.doseledger.projections.export.pdmp;

/** TH07: a production file the PDMP loads, or a test file it only checks. */
public enum AsapFileType {
    PRODUCTION("P"),
    TEST("T");

    private final String code;

    AsapFileType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
