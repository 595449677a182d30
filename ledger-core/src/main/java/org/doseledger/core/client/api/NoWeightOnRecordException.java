package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A plan in mg/kg cannot judge a dose for a client whose weight was never recorded before it. */
public class NoWeightOnRecordException extends LedgerRuleViolation {

    public NoWeightOnRecordException(String clientId, Instant at) {
        super("The treatment plan doses by weight (mg/kg), and client " + clientId
                + " had no weight recorded at or before " + at + ": record the weight first");
    }

    @Override
    public String code() {
        return "NO_WEIGHT_ON_RECORD";
    }
}
