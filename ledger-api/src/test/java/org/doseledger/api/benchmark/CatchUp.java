package org.doseledger.api.benchmark;

import java.time.Duration;
import org.doseledger.projections.support.StreamingProcessors;

/** Benchmarks measure an idle service: they wait until every streaming read model has caught up. */
final class CatchUp {

    private CatchUp() {}

    /** Polls the read models' lag until none is behind, or fails after {@code timeout}. */
    static void await(StreamingProcessors processors, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processors.names().stream().anyMatch(name -> processors.lag(name) > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("read models did not catch up in " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
