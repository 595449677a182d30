package org.doseledger.core.stock.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Flag a draw that is still open longer than the practice's policy allows. Sent by the ledger's own
 * sweeper; does nothing when the draw was closed or flagged meanwhile, so replicas may race safely.
 */
public record FlagOverdueDrawCommand(StockLotRef lot, String drawId, Duration openDrawLimit, Instant checkedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
