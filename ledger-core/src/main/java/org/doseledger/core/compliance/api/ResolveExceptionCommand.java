package org.doseledger.core.compliance.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** A compliance officer closes an exception; the note says what was done or why nothing had to be. */
public record ResolveExceptionCommand(
        PracticeId practiceId, String exceptionId, ExceptionKind kind, String reviewedBy, String note) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ExceptionReviewIds.aggregateId(practiceId, exceptionId);
    }
}
