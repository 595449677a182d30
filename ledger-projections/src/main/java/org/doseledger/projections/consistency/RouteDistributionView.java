package org.doseledger.projections.consistency;

import java.math.BigDecimal;
import java.util.List;

/**
 * The doses of one substance by one route: the practice's quartiles and Tukey fences (a dose below
 * Q1 - 1.5 IQR or above Q3 + 1.5 IQR is an outlier), each practitioner's figures, and the outliers.
 */
public record RouteDistributionView(
        String substance,
        String route,
        DoseStatsView practice,
        BigDecimal lowerFence,
        BigDecimal upperFence,
        List<PractitionerDosesView> practitioners,
        List<OutlierView> outliers) {}
