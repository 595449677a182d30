package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;

/** A lot at a location: what is on hand in its unit and in mg, its expiry and its open draws. */
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
        long ledgerPosition) {}
