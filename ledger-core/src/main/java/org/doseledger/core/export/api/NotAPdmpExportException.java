package org.doseledger.core.export.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** Only a PDMP file ({@code pdmp-asap} export) is submitted to a state PDMP. */
public class NotAPdmpExportException extends LedgerRuleViolation {

    public NotAPdmpExportException(String exportId, String exportType) {
        super("Export " + exportId + " is a " + exportType + " export, not a PDMP file (" + ExportTypes.PDMP_ASAP
                + "): it has no PDMP submission status");
    }

    @Override
    public String code() {
        return "NOT_A_PDMP_EXPORT";
    }
}
