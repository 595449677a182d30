package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;

/**
 * One lot at one location: on hand in the product's unit and in mg, expiry, the draws still open
 * (drawn, not yet administered or wasted) and what they hold, open discrepancies, and the last count.
 */
public record InventoryLineView(
        String locationId,
        String ndc,
        String productName,
        String lotNumber,
        Substance substance,
        StockUnit unit,
        BigDecimal milligramsPerUnit,
        LocalDate expiresOn,
        BigDecimal onHand,
        BigDecimal onHandMilligrams,
        int openDraws,
        BigDecimal openDrawn,
        BigDecimal openDrawnMilligrams,
        int openDiscrepancies,
        LastCountView lastCount,
        long ledgerPosition) {}
