package org.doseledger.core.product.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.StockUnit;

/** A product's strength, container size and unit must all speak of the same unit. */
public class ProductUnitMismatchException extends LedgerRuleViolation {

    public ProductUnitMismatchException(String ndc, StockUnit strengthUnit, StockUnit containerUnit) {
        super("Product " + ndc + " has a strength per " + strengthUnit + " but containers counted in " + containerUnit);
    }

    @Override
    public String code() {
        return "PRODUCT_UNIT_MISMATCH";
    }
}
