package org.doseledger.core.client.api;

import java.math.BigDecimal;
import org.doseledger.core.shared.LedgerRuleViolation;

/** Doses in mg/kg follow from the weight: a weight outside 20-400 kg is almost surely a unit mistake. */
public class ImplausibleWeightException extends LedgerRuleViolation {

    public ImplausibleWeightException(BigDecimal kilograms) {
        super("A weight of " + kilograms.toPlainString() + " kg is outside 20-400 kg; was it entered in pounds?");
    }

    @Override
    public String code() {
        return "IMPLAUSIBLE_WEIGHT";
    }
}
