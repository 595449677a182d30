package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * Discharge the client at the end of the session.
 *
 * @param criteriaMet whether the practice's discharge criteria were met (alert, vitals stable, escort)
 * @param escort who takes the client home
 */
public record DischargeClientCommand(
        @TargetAggregateIdentifier SessionRef session,
        boolean criteriaMet,
        SealedPersonalData escort,
        String dischargedBy,
        Instant dischargedAt) {}
