package org.doseledger.api.config;

import org.doseledger.api.config.DataDirectoryLock.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start against a data directory in use ends with what happened and what to do, not a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the process that uses the data directory, or start this one with another --ledger.data-dir"
                        + " (or LEDGER_DB_URL to use a database server). The running process was not touched.",
                cause);
    }
}
