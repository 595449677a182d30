package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/** A prescriber approved a treatment plan for the client with the given terms. */
@Revision("1")
public record TreatmentPlanApprovedEvent(
        PracticeId practiceId,
        String clientId,
        String planId,
        TreatmentPlanTerms terms,
        String approvedBy,
        Instant occurredAt)
        implements ClientEvent {}
