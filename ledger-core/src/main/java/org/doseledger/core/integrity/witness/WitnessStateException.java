package org.doseledger.core.integrity.witness;

/**
 * The witness's state directory cannot be used: another witness process holds it, or a stored checkpoint
 * cannot be read. The witness refuses to start rather than forget what it cosigned, since a witness that
 * starts from nothing would cosign a truncated or rewritten log.
 */
public class WitnessStateException extends IllegalStateException {

    public WitnessStateException(String problem) {
        super(problem);
    }

    public WitnessStateException(String problem, Throwable cause) {
        super(problem + ": " + cause.getMessage(), cause);
    }
}
