package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the Spravato REMS patient-monitoring form of a session was submitted, with its answers:
 * "did the patient experience sedation / dissociation / respiratory depression?", "vital signs in an
 * acceptable range before administration / at completion?" and the minutes after which the patient would
 * have been ready to leave without the 2-hour minimum.
 */
public record RecordRemsFormSubmittedCommand(
        @TargetAggregateIdentifier SessionRef session,
        String confirmationNumber,
        boolean sedation,
        boolean dissociation,
        boolean respiratoryDepression,
        boolean vitalSignsAcceptableBeforeAdministration,
        boolean vitalSignsAcceptableAtCompletion,
        int readyToLeaveAfterMinutes,
        String submittedBy,
        Instant occurredAt) {}
