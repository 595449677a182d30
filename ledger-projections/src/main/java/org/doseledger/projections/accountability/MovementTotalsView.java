package org.doseledger.projections.accountability;

import java.math.BigDecimal;

/**
 * What moved in the period, each a quantity in the product's unit, corrections folded into the kind of
 * entry they correct. Drawn stock leaves the balance when drawn; administered and wasted account for
 * it (drawn less administered and wasted is what was still in open draws). {@code adjusted} is the
 * signed sum of approved discrepancy resolutions. Expected = opening + received + transferredIn -
 * drawn - dispensed - transferredOut - returned - destroyed - lost + adjusted.
 */
public record MovementTotalsView(
        BigDecimal received,
        BigDecimal transferredIn,
        BigDecimal drawn,
        BigDecimal administered,
        BigDecimal wasted,
        BigDecimal dispensed,
        BigDecimal transferredOut,
        BigDecimal returned,
        BigDecimal destroyed,
        BigDecimal lost,
        BigDecimal adjusted) {}
