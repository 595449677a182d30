package org.doseledger.projections.personaldata;

/** A sealed item or a wrapped key did not open: the wrong key, or data altered since it was sealed. */
public class UnreadablePersonalDataException extends RuntimeException {

    public UnreadablePersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
