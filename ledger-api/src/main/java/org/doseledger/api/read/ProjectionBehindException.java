package org.doseledger.api.read;

/** A read asked for a ledger position that the read model had not reached in time (503, retry). */
public class ProjectionBehindException extends RuntimeException {

    public ProjectionBehindException(String processor, long position) {
        super("The " + processor + " read model has not yet reached ledger position " + position + "; retry shortly");
    }
}
