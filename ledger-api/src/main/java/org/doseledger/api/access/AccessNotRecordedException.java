package org.doseledger.api.access;

/** A read of client data was refused because the ledger could not record it (503, retry). */
public class AccessNotRecordedException extends RuntimeException {

    AccessNotRecordedException(Throwable cause) {
        super("The ledger could not record this read of client data, so it was refused; retry shortly", cause);
    }
}
