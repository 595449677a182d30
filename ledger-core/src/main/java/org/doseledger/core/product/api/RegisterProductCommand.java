package org.doseledger.core.product.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DosageForm;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;

/**
 * Add a product to a practice's catalogue.
 *
 * @param finishedForm as records name it, e.g. "ketamine HCl injection 50 mg/mL"
 * @param containerSize units in one container, e.g. 10 mL per vial
 */
public record RegisterProductCommand(
        PracticeId practiceId,
        String ndc,
        String name,
        Substance substance,
        ControlledSchedule schedule,
        DosageForm dosageForm,
        String finishedForm,
        Strength strength,
        Quantity containerSize,
        Instant occurredAt) {

    /** A product in the catalogue from now on. */
    public RegisterProductCommand(
            PracticeId practiceId,
            String ndc,
            String name,
            Substance substance,
            ControlledSchedule schedule,
            DosageForm dosageForm,
            String finishedForm,
            Strength strength,
            Quantity containerSize) {
        this(practiceId, ndc, name, substance, schedule, dosageForm, finishedForm, strength, containerSize, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ProductIds.aggregateId(practiceId, ndc);
    }
}
