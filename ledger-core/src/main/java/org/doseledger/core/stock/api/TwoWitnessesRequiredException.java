package org.doseledger.core.stock.api;

import java.util.List;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A destruction (DEA Form 41) needs two distinct witnesses, neither of them the person destroying the stock. */
public class TwoWitnessesRequiredException extends LedgerRuleViolation {

    public TwoWitnessesRequiredException(String destroyedBy, List<String> witnesses) {
        super("A destruction by " + destroyedBy + " needs two different witnesses other than them, not " + witnesses);
    }

    @Override
    public String code() {
        return "DESTRUCTION_NEEDS_TWO_WITNESSES";
    }
}
