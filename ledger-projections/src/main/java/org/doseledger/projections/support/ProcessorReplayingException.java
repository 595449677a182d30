package org.doseledger.projections.support;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A replay of a processor that is replaying already: a second reset would only start it over. */
public class ProcessorReplayingException extends LedgerRuleViolation {

    public ProcessorReplayingException(String processor) {
        super("Processor " + processor + " is replaying already; nothing was reset. Wait until it lists"
                + " replaying: false, then replay again if it is still needed");
    }

    @Override
    public String code() {
        return "PROCESSOR_REPLAYING";
    }
}
