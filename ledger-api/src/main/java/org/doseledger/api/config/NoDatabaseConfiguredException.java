package org.doseledger.api.config;

/**
 * A start with no database at all: no database URL is set and the embedded PostgreSQL is turned off
 * ({@code ledger.embedded-postgres.enabled=false}, the container image's default).
 */
public class NoDatabaseConfiguredException extends IllegalStateException {

    NoDatabaseConfiguredException() {
        super("No database is configured: LEDGER_DB_URL (spring.datasource.url) is not set, and the embedded"
                + " PostgreSQL is turned off (LEDGER_EMBEDDED_POSTGRES_ENABLED=false,"
                + " ledger.embedded-postgres.enabled=false). Nothing was started or written.");
    }
}
