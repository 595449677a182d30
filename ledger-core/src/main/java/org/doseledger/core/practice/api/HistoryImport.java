package org.doseledger.core.practice.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What an imported entry is judged by: the period the import covers, who attested it, and when it was
 * opened and closed.
 *
 * @param closedAt null while entries can still name it
 */
public record HistoryImport(
        String importId,
        String sourceDocument,
        LocalDate coversFrom,
        LocalDate coversTo,
        String attestedBy,
        Instant openedAt,
        Instant closedAt) {}
