package org.doseledger.core.integrity.tlog;

/**
 * A body that is not an add-checkpoint request of c2sp.org/tlog-witness; a witness answers it with
 * "400 Bad Request".
 */
public class MalformedAddCheckpointRequestException extends IllegalArgumentException {

    public MalformedAddCheckpointRequestException(String problem) {
        super("Malformed add-checkpoint request: " + problem);
    }

    public MalformedAddCheckpointRequestException(String problem, IllegalArgumentException cause) {
        super("Malformed add-checkpoint request: " + problem + ": " + cause.getMessage(), cause);
    }
}
