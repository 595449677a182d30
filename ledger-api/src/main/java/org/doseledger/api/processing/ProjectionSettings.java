package org.doseledger.api.processing;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for every pooled streaming processor ({@code ledger.projections.*}, or
 * {@code LEDGER_PROJECTIONS_SEGMENTS} and {@code LEDGER_PROJECTIONS_BATCH_SIZE}). A processor's own
 * {@code axon.eventhandling.processors.<name>.initial-segment-count} or {@code .batch-size} wins.
 *
 * @param segments segments a processor's work is split into when its tokens are first created; a later
 *     change needs a split or merge of the existing segments, or a replay after deleting its tokens
 * @param batchSize events handled in one transaction
 * @param catchUpTogether whether the read models that stand at the start of the ledger (a replay, new tokens)
 *     are caught up together, reading the ledger once ({@code SharedCatchUp}); off, each processor replays
 *     on its own
 * @param catchUpBatchSize events per transaction of the shared catch-up
 */
record ProjectionSettings(
        @DefaultValue("4") int segments,
        @DefaultValue("100") int batchSize,
        @DefaultValue("true") boolean catchUpTogether,
        @DefaultValue("1000") int catchUpBatchSize) {

    ProjectionSettings {
        if (segments < 1 || batchSize < 1 || catchUpBatchSize < 1) {
            throw new IllegalArgumentException("ledger.projections.segments, ledger.projections.batch-size and"
                    + " ledger.projections.catch-up-batch-size must be at least 1, not " + segments + ", " + batchSize
                    + " and " + catchUpBatchSize);
        }
    }
}
