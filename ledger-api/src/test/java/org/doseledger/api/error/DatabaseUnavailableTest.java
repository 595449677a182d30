package org.doseledger.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    private static final SQLException TERMINATED =
            new SQLException("FATAL: terminating connection due to administrator command", "57P01");

    @Test
    void aConnectionThatPostgresqlEndedIsUnreachable() {
        assertThat(DatabaseUnavailable.classify(new DataAccessResourceFailureException("insert", TERMINATED)))
                .isEqualTo(DatabaseUnavailable.Kind.UNREACHABLE);
    }

    @Test
    void aRollbackThatFailsAfterPostgresqlEndedTheConnectionIsUnreachable() {
        // what Spring's TransactionTemplate throws: the rollback's failure, with the write's failure beside it
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("insert", TERMINATED));

        assertThat(DatabaseUnavailable.classify(rollbackFailed)).isEqualTo(DatabaseUnavailable.Kind.UNREACHABLE);
    }

    @Test
    void aCommitOrRollbackOnAConnectionThePoolClosedAfterAConnectionErrorIsUnreachable() {
        // Spring reports a failed commit's rollback without the commit's failure; HikariCP's stand-in for the
        // broken connection says "Connection is closed" with no SQL state
        SQLException closedByPool = new SQLException("Connection is closed");
        closedByPool.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(
                    "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
                    "lambda$getClosedConnection$0",
                    "ProxyConnection.java",
                    562)
        });

        assertThat(DatabaseUnavailable.classify(new TransactionSystemException("JDBC rollback failed", closedByPool)))
                .isEqualTo(DatabaseUnavailable.Kind.UNREACHABLE);
    }

    @Test
    void aRollbackThatFailsAfterAnyOtherFailureIsNotADatabaseOutage() {
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new IllegalStateException("a defect"));

        assertThat(DatabaseUnavailable.classify(rollbackFailed)).isEqualTo(DatabaseUnavailable.Kind.NONE);
    }

    @Test
    void aPoolWithNoFreeConnectionIsBusyAndOneThatCannotConnectIsUnreachable() {
        assertThat(DatabaseUnavailable.classify(new SQLTransientConnectionException("timed out")))
                .isEqualTo(DatabaseUnavailable.Kind.BUSY);
        assertThat(DatabaseUnavailable.classify(
                        new SQLTransientConnectionException("timed out", new SQLException("refused", "08001"))))
                .isEqualTo(DatabaseUnavailable.Kind.UNREACHABLE);
    }
}
