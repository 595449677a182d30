package org.doseledger.api.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per streaming processor: {@code ledger.projection.lag}, the events between the ledger's head and its
 * least advanced segment, and {@code ledger.projection.dead_letters}. Both are read from the database at
 * each scrape.
 */
class ProjectionMetrics {

    private final StreamingProcessors processors;
    private final MeterRegistry registry;

    ProjectionMetrics(StreamingProcessors processors, MeterRegistry registry) {
        this.processors = processors;
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
        }
    }
}
