package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the Spravato REMS patient-monitoring form of a session was submitted, with its answers to
 * "did the patient experience sedation / dissociation / respiratory depression?".
 */
public record RecordRemsFormSubmittedCommand(
        @TargetAggregateIdentifier SessionRef session,
        String confirmationNumber,
        boolean sedation,
        boolean dissociation,
        boolean respiratoryDepression,
        String submittedBy,
        Instant occurredAt) {}
