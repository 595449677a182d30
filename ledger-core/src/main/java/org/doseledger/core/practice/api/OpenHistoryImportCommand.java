package org.doseledger.core.practice.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.PracticeId;

/**
 * Open an import of the practice's paper history: entries transcribed from {@code sourceDocument} (a
 * binder, a spreadsheet) that occurred from {@code coversFrom} to {@code coversTo}, attested by a
 * practitioner. Entries naming the import are recorded as imported, not as late.
 *
 * @param sourceSha256 SHA-256 of the scanned source document, so that the import names exactly one document
 */
public record OpenHistoryImportCommand(
        PracticeId practiceId,
        String importId,
        String sourceDocument,
        String sourceSha256,
        LocalDate coversFrom,
        LocalDate coversTo,
        String attestedBy,
        Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return practiceId.aggregateId();
    }
}
