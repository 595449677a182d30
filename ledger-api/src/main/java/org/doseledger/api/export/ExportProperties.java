package org.doseledger.api.export;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Regulator export settings ({@code ledger.exports.*}).
 *
 * @param directory where bundles are written; default {@code <data-dir>/exports}
 * @param threads how many exports run at once (a bounded pool; more requests wait in its queue)
 * @param queueCapacity how many requested exports may wait for a thread; more are refused with 503
 * @param directLimit an export estimated at no more records than this is small: its request waits up to
 *     {@code directWait} and answers DONE with the download link when it finished in that time
 * @param directWait how long the request of a small export waits for it
 * @param staleAfter a queued or running export whose progress has not moved for this long is reported
 *     FAILED (its node stopped or restarted)
 * @param retention how long a finished bundle file is kept; after that the job is EXPIRED and its file
 *     deleted (the ExportGenerated event and the job row stay)
 */
@ConfigurationProperties("ledger.exports")
public record ExportProperties(
        Path directory,
        @DefaultValue("2") int threads,
        @DefaultValue("100") int queueCapacity,
        @DefaultValue("5000") long directLimit,
        @DefaultValue("3s") Duration directWait,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("30d") Duration retention) {}
