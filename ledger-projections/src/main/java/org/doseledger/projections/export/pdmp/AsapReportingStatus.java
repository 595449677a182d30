package org.doseledger.projections.export.pdmp;

/** DSP01: whether a dispensing record is reported for the first time, replaces one, or withdraws one. */
public enum AsapReportingStatus {
    /** 00: a dispensing reported for the first time. */
    NEW("00"),
    /** 01: replaces a record reported earlier (a corrected quantity); repeats its keys. */
    REVISE("01"),
    /** 02: withdraws a record reported earlier (the dispensing did not happen); repeats its keys. */
    VOID("02");

    private final String code;

    AsapReportingStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
