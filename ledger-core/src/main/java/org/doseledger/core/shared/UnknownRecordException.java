package org.doseledger.core.shared;

/** A command or query named a record the ledger does not hold. */
public class UnknownRecordException extends RuntimeException {

    private final String kind;
    private final String id;

    public UnknownRecordException(String kind, String id) {
        super("Unknown " + kind + " '" + id + "'");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
