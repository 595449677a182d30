package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;

/**
 * Record a preparation or integration session with a therapist.
 *
 * @param dosingSessionId the dosing session it prepares for or integrates; null when none yet
 */
public record RecordTherapySessionCommand(
        @TargetAggregateIdentifier ClientRef client,
        String therapySessionId,
        TherapySessionKind kind,
        String therapistId,
        String dosingSessionId,
        int durationMinutes,
        Instant occurredAt) {}
