package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A discrepancy is resolved once. */
public class DiscrepancyAlreadyResolvedException extends LedgerRuleViolation {

    public DiscrepancyAlreadyResolvedException(String discrepancyId) {
        super("Discrepancy " + discrepancyId + " is already resolved");
    }

    @Override
    public String code() {
        return "DISCREPANCY_ALREADY_RESOLVED";
    }
}
