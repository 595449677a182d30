package org.doseledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-configuration default: a real PostgreSQL started from the service's own jar, with its data
 * directory under {@code ./data/postgres}, kept across restarts. Never used when a database URL is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(LedgerProperties properties) throws IOException {
        Path dataDirectory = properties.embeddedDataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        OrphanedPostmaster.stopIfRunning(dataDirectory);
        log.info("Starting embedded PostgreSQL on data directory {}", dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(properties.embeddedPostgres().port())
                .setPGStartupWait(properties.embeddedPostgres().startupWait())
                // the library turns this off for speed; a ledger must not lose an acknowledged event
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        log.info("Embedded PostgreSQL is listening on localhost:{}", postgres.getPort());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("ledger-embedded");
        dataSource.setMaximumPoolSize(16);
        return dataSource;
    }
}
