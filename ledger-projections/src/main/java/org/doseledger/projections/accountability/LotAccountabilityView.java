package org.doseledger.projections.accountability;

import java.math.BigDecimal;
import java.util.List;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;

/**
 * One lot's accountability for the period: the opening inventory, what moved (in the product's unit),
 * the balance expected at {@code asOf} (opening plus every change to the balance in the period), and
 * the last count of the period against what was expected when it was taken.
 */
public record LotAccountabilityView(
        String locationId,
        String ndc,
        String lotNumber,
        Substance substance,
        StockUnit unit,
        BigDecimal milligramsPerUnit,
        OpeningView opening,
        MovementTotalsView totals,
        BigDecimal expected,
        BigDecimal expectedMilligrams,
        ClosingCountView closingCount,
        List<AccountabilityMovementView> movements) {}
