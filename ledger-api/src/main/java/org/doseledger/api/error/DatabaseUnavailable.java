package org.doseledger.api.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure to reach the database apart from any other: a request that failed because PostgreSQL
 * is down, restarting or unreachable is answered 503 with {@code Retry-After} (nothing was written), not
 * 500. A pool that is only busy (no connection free in time, none failed) is a 503 of its own.
 */
final class DatabaseUnavailable {

    /** SQL states of a connection that failed or was closed by the server (class 08, and shutdowns). */
    private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03");

    enum Kind {
        /** PostgreSQL could not be reached or dropped the connection. */
        UNREACHABLE,
        /** Every connection of the pool stayed busy for the pool's connection timeout. */
        BUSY,
        /** Not a database availability problem. */
        NONE
    }

    private DatabaseUnavailable() {}

    static Kind classify(Throwable failure) {
        boolean poolTimedOut = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return Kind.UNREACHABLE;
            }
            if (cause instanceof SQLTransientConnectionException) {
                if (cause.getCause() != null) {
                    return Kind.UNREACHABLE;
                }
                poolTimedOut = true;
            } else if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || CONNECTION_STATES.contains(state)) {
                    return Kind.UNREACHABLE;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return poolTimedOut ? Kind.BUSY : Kind.NONE;
    }
}
