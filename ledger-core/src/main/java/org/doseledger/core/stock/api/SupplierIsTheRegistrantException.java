package org.doseledger.core.stock.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.PracticeId;

/**
 * A receipt records who shipped the stock (21 CFR 1304.22(c)): the supplier is another registrant, so a
 * supplier carrying the practice's own DEA number is a transcription error, not a source of stock.
 */
public class SupplierIsTheRegistrantException extends LedgerRuleViolation {

    public SupplierIsTheRegistrantException(PracticeId practiceId, String deaNumber) {
        super("The supplier's DEA number " + deaNumber + " is practice " + practiceId.value()
                + "'s own registration: a receipt must name the registrant that shipped the stock");
    }

    @Override
    public String code() {
        return "SUPPLIER_IS_THE_REGISTRANT";
    }
}
