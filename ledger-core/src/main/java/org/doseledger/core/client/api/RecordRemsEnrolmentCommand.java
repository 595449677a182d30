package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * Record the client's enrolment in the Spravato REMS: the patient enrolment id the REMS gave them, sealed
 * with the client's data key (it identifies the client).
 */
public record RecordRemsEnrolmentCommand(
        @TargetAggregateIdentifier ClientRef client, SealedPersonalData enrolmentId, Instant occurredAt) {}
