package org.doseledger.core.product.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DosageForm;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;

/** A product joined the practice's catalogue: what it is, its strength and its container size. */
@Revision("1")
public record ProductRegisteredEvent(
        PracticeId practiceId,
        String ndc,
        String name,
        Substance substance,
        ControlledSchedule schedule,
        DosageForm dosageForm,
        String finishedForm,
        Strength strength,
        Quantity containerSize,
        Instant occurredAt)
        implements LedgerEvent {}
