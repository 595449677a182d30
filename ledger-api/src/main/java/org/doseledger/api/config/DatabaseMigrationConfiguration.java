package org.doseledger.api.config;

import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the schema at start as Spring Boot would, and says so in one line: Flyway's own line per
 * migration (one per file, at every first start) is logged at WARN only (application.properties).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMigrationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrationConfiguration.class);

    @Bean
    FlywayMigrationStrategy migrationsInOneLine() {
        return flyway -> {
            MigrateResult result = flyway.migrate();
            log.info(
                    "Database schema at version {} ({} migration(s) applied now, from {})",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted,
                    result.initialSchemaVersion != null ? "version " + result.initialSchemaVersion : "an empty schema");
        };
    }
}
