package org.doseledger.api.processing;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.doseledger.core.integrity.api.RecordReadModelReconciliationCommand;
import org.doseledger.projections.support.ReadModelReconciliation;
import org.doseledger.projections.support.ReadModelReconciliation.Result;
import org.doseledger.projections.support.ReadModelReconciliation.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles every read model on a schedule ({@code ledger.reconciliation.interval}, one node of a
 * cluster at a time) and on demand, and records each change of verdict in the ledger: a read model found
 * to diverge raises a compliance exception in every practice's queue, and one found consistent again
 * (after a replay) clears it.
 */
class ReconciliationSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);
    /** Advisory lock that keeps two nodes from reconciling at once. */
    private static final long LOCK = 0x646f73657265636fL;

    private final ReadModelReconciliation reconciliation;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    ReconciliationSchedule(
            ReadModelReconciliation reconciliation,
            CommandGateway commands,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            boolean enabled) {
        this.reconciliation = reconciliation;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @Scheduled(
            initialDelayString = "${ledger.reconciliation.initial-delay:60s}",
            fixedDelayString = "${ledger.reconciliation.interval:5m}")
    void onSchedule() {
        if (!enabled) {
            return;
        }
        try {
            Boolean locked = transactions.execute(status -> {
                if (!Boolean.TRUE.equals(
                        jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                    return false;
                }
                reconcileAndRecord();
                return true;
            });
            if (!Boolean.TRUE.equals(locked)) {
                log.debug("Another node is reconciling the read models");
            }
        } catch (RuntimeException e) {
            log.error("Reconciling the read models failed", e);
        }
    }

    /** Reconciles every read model now, records changes of verdict, and returns what was found. */
    List<Result> reconcileAndRecord() {
        List<Result> results = reconciliation.reconcileAll();
        for (Result result : results) {
            if (result.status() == Status.NOT_STARTED) {
                continue;
            }
            if (result.status() == Status.DIVERGED) {
                log.error("Read model {}", result.summary());
            }
            commands.sendAndWait(new RecordReadModelReconciliationCommand(
                    result.processor(),
                    result.status() == Status.CONSISTENT,
                    result.reconciledUpTo(),
                    result.divergences(),
                    result.summary(),
                    result.reconciledAt()));
        }
        return results;
    }
}
