package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;

/** A prescriber amends the client's active plan: the new terms replace the old from {@code occurredAt}. */
public record AmendTreatmentPlanCommand(
        @TargetAggregateIdentifier ClientRef client,
        String planId,
        TreatmentPlanTerms terms,
        SealedPersonalData reason,
        String approvedBy,
        Instant occurredAt) {}
