package org.doseledger.projections.export.pdmp;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A CDI segment: one ingredient of a compounded product (a compounded troche), in the order the
 * compound lists them. The ledger counts compounded troches as finished products with their own code,
 * so it writes none today; the type is here for a practice that reports them as compounds.
 *
 * @param sequence CDI01, 1 for the first ingredient
 * @param ndc CDI03 (CDI02 = 01, NDC), with its hyphens; written as the 11-digit code
 * @param quantity CDI04, the ingredient's quantity in the compound
 * @param unit CDI05
 */
public record AsapCompoundIngredient(int sequence, String ndc, BigDecimal quantity, AsapDosageUnit unit) {

    public AsapCompoundIngredient {
        if (sequence < 1) {
            throw new IllegalArgumentException("compound ingredient sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(ndc, "ingredient NDC");
        Objects.requireNonNull(quantity, "ingredient quantity");
        Objects.requireNonNull(unit, "ingredient unit");
    }
}
