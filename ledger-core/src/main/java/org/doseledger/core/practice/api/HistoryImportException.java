package org.doseledger.core.practice.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** An import that cannot be opened or closed, or an entry that does not belong to the import it names. */
public class HistoryImportException extends LedgerRuleViolation {

    private final String code;

    public HistoryImportException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
