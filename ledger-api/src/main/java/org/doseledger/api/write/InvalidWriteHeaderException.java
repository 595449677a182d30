package org.doseledger.api.write;

/** A write's headers are missing or malformed (answered with 400). */
public class InvalidWriteHeaderException extends RuntimeException {

    private final String code;

    public InvalidWriteHeaderException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
