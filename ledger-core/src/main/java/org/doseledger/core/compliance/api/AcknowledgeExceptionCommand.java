package org.doseledger.core.compliance.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/** A compliance officer has seen an exception and is dealing with it; the note says how (optional). */
public record AcknowledgeExceptionCommand(
        PracticeId practiceId, String exceptionId, ExceptionKind kind, String reviewedBy, String note) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ExceptionReviewIds.aggregateId(practiceId, exceptionId);
    }
}
