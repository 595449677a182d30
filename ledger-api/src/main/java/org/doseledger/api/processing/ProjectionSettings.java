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
 */
record ProjectionSettings(
        @DefaultValue("4") int segments,
        @DefaultValue("100") int batchSize) {

    ProjectionSettings {
        if (segments < 1 || batchSize < 1) {
            throw new IllegalArgumentException("ledger.projections.segments and ledger.projections.batch-size must be"
                    + " at least 1, not " + segments + " and " + batchSize);
        }
    }
}
