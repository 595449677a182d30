package org.doseledger.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start without a database ends with the two ways to give it one, not a stack trace. */
class NoDatabaseConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set LEDGER_DB_URL, LEDGER_DB_USER and LEDGER_DB_PASSWORD to use a PostgreSQL server (what a"
                        + " container should do), or set LEDGER_EMBEDDED_POSTGRES_ENABLED=true to run the embedded"
                        + " PostgreSQL with its data under LEDGER_DATA_DIR, which must then be persistent storage.",
                cause);
    }
}
