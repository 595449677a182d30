package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a set of vital signs taken during the session; any measurement not taken is null. */
public record RecordVitalsCommand(
        @TargetAggregateIdentifier SessionRef session,
        Integer systolicMmHg,
        Integer diastolicMmHg,
        Integer heartRateBpm,
        Integer spo2Percent,
        String takenBy,
        Instant takenAt) {}
