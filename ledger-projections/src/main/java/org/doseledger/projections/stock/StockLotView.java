package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;

/**
 * A lot at a location: what is on hand in its unit and in mg, its expiry, its open draws and
 * discrepancies, and its last physical count.
 */
public record StockLotView(
        String locationId,
        String ndc,
        String lotNumber,
        Substance substance,
        StockUnit unit,
        BigDecimal milligramsPerUnit,
        LocalDate expiresOn,
        BigDecimal onHand,
        BigDecimal onHandMilligrams,
        int openDraws,
        int openDiscrepancies,
        BigDecimal lastCounted,
        Instant lastCountedAt,
        long ledgerPosition) {}
