package org.doseledger.core.compliance.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A compliance officer acknowledged an exception (who, and an optional note). */
@Revision("1")
public record ExceptionAcknowledgedEvent(
        PracticeId practiceId,
        String exceptionId,
        ExceptionKind kind,
        String reviewedBy,
        String note,
        Instant occurredAt)
        implements LedgerEvent {}
