package org.doseledger.projections.support;

/**
 * A read-model row whose event the event log does not hold at its position, or whose stored content no
 * longer matches its hash. Whatever is being built from it for someone to rely on (an export) stops.
 */
public class LoggedEventMismatchException extends IllegalStateException {

    public LoggedEventMismatchException(long position) {
        super("The event at ledger position " + position
                + " does not match the event log or its stored hash; nothing was exported."
                + " Run the ledger verification (POST /api/admin/ledger/verification) to locate the change");
    }
}
