package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;

/** A prescriber approves a client's treatment plan. */
public record ApproveTreatmentPlanCommand(
        @TargetAggregateIdentifier ClientRef client,
        String planId,
        TreatmentPlanTerms terms,
        String approvedBy,
        Instant occurredAt) {}
