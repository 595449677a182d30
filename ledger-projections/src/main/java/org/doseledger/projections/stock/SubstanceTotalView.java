package org.doseledger.projections.stock;

import java.math.BigDecimal;
import org.doseledger.core.shared.Substance;

/** What the listed lots of one substance hold in mg, and how many mg sit in open draws. */
public record SubstanceTotalView(
        Substance substance, BigDecimal onHandMilligrams, BigDecimal openDrawnMilligrams, int lots) {}
