package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.util.List;

/** A draw: OPEN until administered plus wasted equals drawn, then ACCOUNTED_FOR; with its movements. */
public record DrawView(
        String drawId,
        String clientId,
        String status,
        BigDecimal drawn,
        BigDecimal administered,
        BigDecimal wasted,
        List<StockMovementView> movements) {}
