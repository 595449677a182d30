package org.doseledger.core.export.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * An export is read at a ledger position that its checkpoint has sealed: a bundle whose records reach past
 * the signed checkpoint it carries could not be verified against it.
 */
public class ExportNotCoveredException extends LedgerRuleViolation {

    public ExportNotCoveredException(String exportId, long ledgerPosition, long checkpointNumber, long toIndex) {
        super("Export " + exportId + " was read at ledger position " + ledgerPosition + ", past checkpoint "
                + checkpointNumber + " which ends at " + toIndex);
    }

    @Override
    public String code() {
        return "EXPORT_NOT_COVERED";
    }
}
