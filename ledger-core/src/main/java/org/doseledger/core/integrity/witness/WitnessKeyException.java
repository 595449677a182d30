package org.doseledger.core.integrity.witness;

/** The witness's key file cannot be read, created or used as a cosigning key. */
public class WitnessKeyException extends IllegalStateException {

    public WitnessKeyException(String problem) {
        super(problem);
    }

    public WitnessKeyException(String problem, Throwable cause) {
        super(problem + ": " + cause.getMessage(), cause);
    }
}
