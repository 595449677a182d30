package org.doseledger.api.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.doseledger.projections.support.ReadModelReconciliation;
import org.doseledger.projections.support.StreamingProcessors;

/**
 * Per streaming processor: {@code ledger.projection.lag}, the events between the ledger's head and its
 * least advanced segment, and {@code ledger.projection.dead_letters}. Both are read from the database at
 * each scrape. And from the last reconciliation with the event log on this node:
 * {@code ledger.projection.divergences} (events or rows found wrong; -1 before the first) and
 * {@code ledger.projection.reconciled_position}.
 */
class ProjectionMetrics {

    private final StreamingProcessors processors;
    private final ReadModelReconciliation reconciliation;
    private final MeterRegistry registry;

    ProjectionMetrics(StreamingProcessors processors, ReadModelReconciliation reconciliation, MeterRegistry registry) {
        this.processors = processors;
        this.reconciliation = reconciliation;
        this.registry = registry;
    }

    void register() {
        for (String name : processors.names()) {
            Gauge.builder("ledger.projection.lag", processors, p -> p.lag(name))
                    .description("Events between the ledger's head and the processor's least advanced segment")
                    .tag("processor", name)
                    .register(registry);
            Gauge.builder("ledger.projection.dead_letters", processors, p -> p.deadLetterCount(name))
                    .description("Events of the processor waiting in the dead-letter queue")
                    .tag("processor", name)
                    .register(registry);
            Gauge.builder(
                            "ledger.projection.divergences",
                            reconciliation,
                            r -> r.last(name)
                                    .map(ReadModelReconciliation.Result::divergences)
                                    .orElse(-1L))
                    .description("Events or rows the last reconciliation on this node found wrong in the read model"
                            + " (-1: not reconciled yet)")
                    .tag("processor", name)
                    .register(registry);
            Gauge.builder(
                            "ledger.projection.reconciled_position",
                            reconciliation,
                            r -> r.last(name)
                                    .map(ReadModelReconciliation.Result::reconciledUpTo)
                                    .orElse(0L))
                    .description("Ledger position up to which the read model was last reconciled with the event log")
                    .tag("processor", name)
                    .register(registry);
        }
    }
}
