package org.doseledger.core.export.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** An export is generated once: its bundle never changes. */
public class ExportAlreadyGeneratedException extends LedgerRuleViolation {

    public ExportAlreadyGeneratedException(String exportId) {
        super("Export " + exportId + " was already generated; its bundle never changes");
    }

    @Override
    public String code() {
        return "EXPORT_ALREADY_GENERATED";
    }
}
