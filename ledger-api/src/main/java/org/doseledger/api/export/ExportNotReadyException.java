package org.doseledger.api.export;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A bundle was asked for before its export finished, after it failed, or after its file expired. */
class ExportNotReadyException extends LedgerRuleViolation {

    private final String code;

    ExportNotReadyException(String exportId, String status) {
        super("Export " + exportId + " is " + status + "; its bundle can be downloaded once it is DONE");
        this.code = status.equals("EXPIRED") ? "EXPORT_EXPIRED" : "EXPORT_NOT_READY";
    }

    @Override
    public String code() {
        return code;
    }
}
