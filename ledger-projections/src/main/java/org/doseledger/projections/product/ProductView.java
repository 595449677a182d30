package org.doseledger.projections.product;

import java.math.BigDecimal;
import java.time.Instant;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DosageForm;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;

/** A catalogue product of a practice. */
public record ProductView(
        String ndc,
        String name,
        Substance substance,
        ControlledSchedule schedule,
        DosageForm dosageForm,
        String finishedForm,
        BigDecimal milligramsPerUnit,
        StockUnit unit,
        BigDecimal containerSize,
        Instant registeredAt) {}
