package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A draw: OPEN until administered plus wasted equals drawn, then ACCOUNTED_FOR; VOIDED when a
 * correction removed it; with every movement that touched it.
 */
public record DrawView(
        String drawId,
        String clientId,
        String drawnBy,
        Instant drawnAt,
        String status,
        BigDecimal drawn,
        BigDecimal administered,
        BigDecimal wasted,
        List<StockMovementView> movements) {}
