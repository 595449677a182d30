package org.doseledger.api.web;

/** Query parameters that are each valid but do not make sense together; answered 400 VALIDATION_FAILED. */
public class InvalidQueryException extends RuntimeException {

    private final String field;

    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
