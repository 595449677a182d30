package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a set of vital signs taken during the session. */
public record RecordVitalsCommand(
        @TargetAggregateIdentifier SessionRef session,
        int systolicMmHg,
        int diastolicMmHg,
        int heartRateBpm,
        int spo2Percent,
        String takenBy,
        Instant takenAt) {}
