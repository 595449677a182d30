package org.doseledger.core.practice.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A history import was closed; no entry can name it any more. */
@Revision("1")
public record HistoryImportClosedEvent(PracticeId practiceId, String importId, String closedBy, Instant occurredAt)
        implements LedgerEvent {}
