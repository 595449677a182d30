package org.doseledger.api.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach the database apart from any other: a request that failed because PostgreSQL
 * is down, restarting or unreachable is answered 503 with {@code Retry-After} (nothing was written), not
 * 500. A pool that is only busy (no connection free in time, none failed) is a 503 of its own.
 */
public final class DatabaseUnavailable {

    /** SQL states of a connection that failed or was closed by the server (class 08, and shutdowns). */
    private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03");

    private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    public enum Kind {
        /** PostgreSQL could not be reached or dropped the connection. */
        UNREACHABLE,
        /** Every connection of the pool stayed busy for the pool's connection timeout. */
        BUSY,
        /** Not a database availability problem. */
        NONE
    }

    private DatabaseUnavailable() {}

    public static Kind classify(Throwable failure) {
        boolean poolTimedOut = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return Kind.UNREACHABLE;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                // the rollback failed after the write itself failed: the write's failure says why (PostgreSQL
                // ended the connection, and then the rollback found it closed)
                Kind kind = classify(rollback.getApplicationException());
                if (kind != Kind.NONE) {
                    return kind;
                }
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
            } else if (cause instanceof SQLException sql && closedByPool(sql)) {
                return Kind.UNREACHABLE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return poolTimedOut ? Kind.BUSY : Kind.NONE;
    }

    /**
     * HikariCP's "Connection is closed", which carries no SQL state: the pool put a closed stand-in behind
     * the connection when a statement on it failed with a connection error, and the transaction went on
     * to use it (its commit or rollback).
     */
    private static boolean closedByPool(SQLException failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(HIKARI_CLOSED_CONNECTION);
    }
}
