package org.doseledger.core.integrity.tlog;

/**
 * A well-formed signed note that must be rejected: a signature by a known key did not verify, or no
 * known key signed it at all. Its text must then be ignored.
 */
public class NoteVerificationException extends RuntimeException {

    public NoteVerificationException(String problem) {
        super("Signed note rejected: " + problem);
    }
}
