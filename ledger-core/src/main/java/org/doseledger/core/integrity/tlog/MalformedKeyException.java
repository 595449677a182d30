package org.doseledger.core.integrity.tlog;

/** A verifier key (vkey) or signer key string that is not well-formed or whose key ID does not match. */
public class MalformedKeyException extends IllegalArgumentException {

    public MalformedKeyException(String problem) {
        super("Malformed note key: " + problem);
    }
}
