package org.doseledger.core.export.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * A regulator export of a practice was asked for: its type and parameters (ids, dates and filters only) and
 * the credential that asked. The export is cut at this event's ledger position, and its bundle carries every
 * event of the practice's sequence up to and including this one.
 */
@Revision("1")
public record ExportRequestedEvent(
        PracticeId practiceId,
        String exportId,
        String exportType,
        Map<String, String> parameters,
        String requestedBy,
        Instant occurredAt)
        implements LedgerEvent {}
