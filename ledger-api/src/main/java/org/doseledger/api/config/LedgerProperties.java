package org.doseledger.api.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ledger service ({@code ledger.*}, or environment variables such as {@code LEDGER_DATA_DIR}).
 *
 * @param dataDir where the service keeps its files: the embedded database, the initial admin key
 * @param maxRequestSize largest request body accepted; larger ones get 413
 * @param readWaitTimeout how long a read that names a ledger position waits for projections to reach it
 * @param embeddedPostgres the embedded PostgreSQL used when no database URL is configured
 * @param openDrawLimit how long a draw may stay open (not yet administered plus wasted) before it is
 *     flagged as a compliance exception
 * @param overdueSweepInterval how often the ledger looks for draws past that limit
 * @param snapshotThreshold events after which a stock lot's state is snapshotted, so that loading it
 *     does not replay its whole history
 * @param stockLotCacheSize stock lots kept in memory between commands (the least recently used leave
 *     first), so that a long-lived lot is not read back from its snapshot for every command; 0 turns
 *     the cache off
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("5s") Duration readWaitTimeout,
        @DefaultValue EmbeddedPostgres embeddedPostgres,
        @DefaultValue("60m") Duration openDrawLimit,
        @DefaultValue("60s") Duration overdueSweepInterval,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("500") int stockLotCacheSize) {

    public LedgerProperties {
        if (stockLotCacheSize < 0) {
            throw new IllegalArgumentException(
                    "ledger.stock-lot-cache-size must be 0 (off) or more, not " + stockLotCacheSize);
        }
    }

    /**
     * @param dataDirectory PostgreSQL data directory; defaults to {@code <dataDir>/postgres}
     * @param port TCP port on localhost; 0 picks a free one at each start
     * @param startupWait how long to wait for the server to accept connections
     * @param enabled whether it may start when no database URL is set; the container image turns it off, so that a
     *     container without {@code LEDGER_DB_URL} refuses to start instead of keeping the ledger on storage that
     *     may not outlive it
     */
    public record EmbeddedPostgres(
            Path dataDirectory,
            @DefaultValue("0") int port,
            @DefaultValue("60s") Duration startupWait,
            @DefaultValue("true") boolean enabled) {}

    public Path embeddedDataDirectory() {
        return embeddedPostgres.dataDirectory() != null
                ? embeddedPostgres.dataDirectory()
                : dataDir.resolve("postgres");
    }
}
