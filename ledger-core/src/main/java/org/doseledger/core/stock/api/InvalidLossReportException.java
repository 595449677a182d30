package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A loss is reported as DEA Form 106 needs it: it happened on or before the day it was discovered, its
 * value is not negative, and a loss in transit names its carrier (21 CFR 1301.76(b)).
 */
public class InvalidLossReportException extends LedgerRuleViolation {

    public InvalidLossReportException(String problem) {
        super(problem);
    }

    @Override
    public String code() {
        return "INVALID_LOSS_REPORT";
    }
}
