package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/** A prescriber amended the client's treatment plan: the new terms, why, from when. */
@Revision("2")
public record TreatmentPlanAmendedEvent(
        PracticeId practiceId,
        String clientId,
        String planId,
        TreatmentPlanTerms terms,
        SealedPersonalData reason,
        String approvedBy,
        Instant occurredAt)
        implements ClientEvent {}
