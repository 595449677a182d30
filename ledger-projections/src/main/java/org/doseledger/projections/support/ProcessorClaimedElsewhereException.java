package org.doseledger.projections.support;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A replay could not reset a processor's tokens because another node holds its segments. A replay is
 * made on the one node that runs the processor; see docs/projections.md.
 */
public class ProcessorClaimedElsewhereException extends LedgerRuleViolation {

    public ProcessorClaimedElsewhereException(String processor, Throwable cause) {
        super("Processor '" + processor + "' has segments claimed by another node; nothing was reset. Replay it"
                + " where it runs, with the other nodes stopped");
        initCause(cause);
    }

    @Override
    public String code() {
        return "PROCESSOR_CLAIMED_ELSEWHERE";
    }
}
