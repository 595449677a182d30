package org.doseledger.core.integrity.tlog;

/** A note text that is not a checkpoint body as c2sp.org/tlog-checkpoint defines it. */
public class MalformedCheckpointException extends IllegalArgumentException {

    public MalformedCheckpointException(String problem) {
        super("Malformed checkpoint: " + problem);
    }
}
