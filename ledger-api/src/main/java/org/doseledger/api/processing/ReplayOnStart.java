package org.doseledger.api.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.doseledger.projections.support.StreamingProcessors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ledger.replay-on-start} ({@code LEDGER_REPLAY_ON_START}): processor names, or {@code all}, whose
 * read models are rebuilt from the start of the ledger when the service starts. Runs after Axon has built
 * the processors and before it starts them, so nothing is handled twice; a name that is not a streaming
 * processor fails the start.
 */
class ReplayOnStart {

    private static final Logger log = LoggerFactory.getLogger(ReplayOnStart.class);

    private final List<String> requested;

    ReplayOnStart(List<String> requested) {
        this.requested = requested.stream()
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    /** The processors to replay, from those that exist; throws when a requested one does not. */
    List<String> select(List<String> known) {
        if (requested.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals("all"))) {
            return known;
        }
        List<String> unknown = new ArrayList<>(requested);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("ledger.replay-on-start names " + unknown
                    + ", which is not a streaming processor; the streaming processors are " + known + " (or 'all')");
        }
        return requested;
    }

    void run(StreamingProcessors processors) {
        if (requested.isEmpty()) {
            return;
        }
        for (String name : select(processors.names())) {
            StreamingEventProcessor processor = processors.processor(name);
            processors.resetToStart(name, processor);
            log.info("ledger.replay-on-start: processor {} replays from the start of the ledger", name);
        }
    }
}
