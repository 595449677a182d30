package org.doseledger.core.compliance.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** An exception is resolved only with a note saying how; a blank note resolves nothing. */
public class ResolutionNeedsNoteException extends LedgerRuleViolation {

    public ResolutionNeedsNoteException(String exceptionId) {
        super("Resolving exception " + exceptionId + " needs a note saying what was done");
    }

    @Override
    public String code() {
        return "RESOLUTION_NEEDS_NOTE";
    }
}
