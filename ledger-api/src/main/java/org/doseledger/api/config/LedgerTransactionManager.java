package org.doseledger.api.config;

import javax.sql.DataSource;
import org.doseledger.api.error.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JDBC transaction manager, except for a rollback on a connection PostgreSQL has already ended
 * (it restarted, or terminated the backend): the server discarded the transaction when it ended the
 * connection, so there is nothing left to roll back, and the failure that ended it is the one to report.
 * Spring's manager instead throws "rollback failed" in place of that failure, which does not say that the
 * database went away: the write answered 500 instead of 503 (DatabaseConnectionsTerminatedEndToEndTest).
 */
public class LedgerTransactionManager extends JdbcTransactionManager {

    private static final Logger log = LoggerFactory.getLogger(LedgerTransactionManager.class);

    public LedgerTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            // a TransactionSystemException, or the DataAccessException this manager translates SQL states to
            if (DatabaseUnavailable.classify(e) != DatabaseUnavailable.Kind.UNREACHABLE) {
                throw e;
            }
            log.debug("Rollback on a connection the database already ended: {}", e.getMessage());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TransactionManagerConfiguration {

        @Bean
        LedgerTransactionManager transactionManager(
                DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
            LedgerTransactionManager manager = new LedgerTransactionManager(dataSource);
            customizers.ifAvailable(customizer -> customizer.customize(manager));
            return manager;
        }
    }
}
