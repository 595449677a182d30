package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * Record an observation or an adverse event.
 *
 * @param severity required for an adverse event, null for an observation
 * @param actionTaken what was done about an adverse event
 */
public record RecordObservationCommand(
        @TargetAggregateIdentifier SessionRef session,
        ObservationKind kind,
        Severity severity,
        SealedPersonalData description,
        SealedPersonalData actionTaken,
        String recordedBy,
        Instant occurredAt) {}
