package org.doseledger.core.export.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * A PDMP file (a generated {@code pdmp-asap} export) was submitted to the state, or the state accepted or
 * rejected it: the new status, the state's reference for the file if it gave one, the reason of a
 * rejection, and when it happened.
 */
@Revision("1")
public record PdmpSubmissionStatusChangedEvent(
        PracticeId practiceId,
        String exportId,
        PdmpSubmissionStatus status,
        String reference,
        String reason,
        Instant occurredAt)
        implements LedgerEvent {}
