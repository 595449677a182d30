package org.doseledger.api.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.stock.api.FlagOverdueDrawCommand;
import org.doseledger.projections.stock.FindDrawsOpenSinceQuery;
import org.doseledger.projections.stock.OverdueDrawCandidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for draws still open past the open-draw limit and records each as a compliance exception
 * ({@code DrawOverdueEvent}). The lot decides: a draw closed meanwhile, or already flagged by another
 * replica, is left alone, so running this on every replica is safe.
 */
@Component
class OverdueDrawSweeper {

    private static final Logger log = LoggerFactory.getLogger(OverdueDrawSweeper.class);
    private static final int BATCH = 500;

    private final QueryGateway queries;
    private final LedgerWriter writer;
    private final TransactionTemplate transactions;
    private final LedgerProperties properties;
    private final Clock clock;

    OverdueDrawSweeper(
            QueryGateway queries,
            LedgerWriter writer,
            TransactionTemplate transactions,
            LedgerProperties properties,
            Clock clock) {
        this.queries = queries;
        this.writer = writer;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${ledger.overdue-sweep-interval:60s}",
            initialDelayString = "${ledger.overdue-sweep-interval:60s}")
    void sweep() {
        sweep(clock.instant());
    }

    /** Flags every draw open past the limit at {@code now}; returns how many were checked. */
    int sweep(Instant now) {
        List<OverdueDrawCandidate> candidates = queries.query(
                        new FindDrawsOpenSinceQuery(now.minus(properties.openDrawLimit()), BATCH),
                        ResponseTypes.multipleInstancesOf(OverdueDrawCandidate.class))
                .join();
        for (OverdueDrawCandidate candidate : candidates) {
            try {
                transactions.executeWithoutResult(status -> writer.send(
                        new WriteContext(ApiCredential.SYSTEM, "overdue-draw-sweep", null, null, now),
                        new FlagOverdueDrawCommand(
                                candidate.lot(), candidate.drawId(), properties.openDrawLimit(), now)));
            } catch (RuntimeException e) {
                log.warn("Could not check draw {} of {} for being overdue", candidate.drawId(), candidate.lot(), e);
            }
        }
        return candidates.size();
    }
}
