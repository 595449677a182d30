package org.doseledger.core.practice.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * The practice opened an import of its paper history: entries transcribed from the source document that
 * occurred in the period it covers, attested by a practitioner. Each imported entry names the import.
 */
@Revision("1")
public record HistoryImportOpenedEvent(
        PracticeId practiceId,
        String importId,
        String sourceDocument,
        String sourceSha256,
        LocalDate coversFrom,
        LocalDate coversTo,
        String attestedBy,
        Instant occurredAt)
        implements LedgerEvent {}
