package org.doseledger.core.stock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.doseledger.core.practice.api.HistoryImport;
import org.doseledger.core.practice.api.HistoryImportException;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LateEntryNeedsReasonException;
import org.doseledger.core.shared.OccurredInFutureException;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;

/**
 * Back-filled entries are what inspectors distrust most. A fact recorded more than the practice's
 * late-entry window (24 hours at most) after it occurred needs a reason and a co-signer other than the
 * actor; the event keeps both. Paper history is not back-filled this way: it comes in through a history
 * import, and every entry of it is marked as imported, with the import's source document and attester.
 */
final class LateEntries {

    static final Duration CLOCK_DRIFT = Duration.ofMinutes(5);

    private LateEntries() {}

    /** Returns the late-entry justification to record: null for a timely entry. */
    static LateEntry check(
            Instant occurredAt,
            Instant recordedAt,
            LateEntry lateEntry,
            PracticeId practiceId,
            String actor,
            Practitioners practitioners,
            Practices practices) {
        if (occurredAt.isAfter(recordedAt.plus(CLOCK_DRIFT))) {
            throw new OccurredInFutureException(occurredAt, recordedAt);
        }
        if (lateEntry != null && lateEntry.isImported()) {
            return imported(occurredAt, recordedAt, lateEntry.importId(), practiceId, practices);
        }
        Duration window = Duration.ofHours(practices.policies(practiceId).effectiveLateEntryWindowHours());
        boolean late = Duration.between(occurredAt, recordedAt).compareTo(window) > 0;
        if (!late) {
            return null;
        }
        if (lateEntry == null || !lateEntry.hasReason()) {
            throw new LateEntryNeedsReasonException(occurredAt, recordedAt, window);
        }
        PractitionerChecks.requireSecondPerson(
                practitioners, practiceId, actor, lateEntry.cosignedBy(), StockAction.COSIGN, recordedAt);
        return new LateEntry(lateEntry.reason(), lateEntry.cosignedBy(), null, lateEntry.sealedReason());
    }

    /**
     * An entry of a history import: the import is open, and the entry occurred in the period it covers,
     * before the import was opened. The entry carries the import's source and attester.
     */
    private static LateEntry imported(
            Instant occurredAt, Instant recordedAt, String importId, PracticeId practiceId, Practices practices) {
        HistoryImport historyImport = practices
                .historyImport(practiceId, importId)
                .orElseThrow(() -> new UnknownRecordException("history-import", importId));
        if (historyImport.closedAt() != null && !recordedAt.isBefore(historyImport.closedAt())) {
            throw new HistoryImportException(
                    "HISTORY_IMPORT_NOT_OPEN",
                    "History import " + importId + " was closed at " + historyImport.closedAt()
                            + "; no entry can be added to it");
        }
        LocalDate day =
                LocalDate.ofInstant(occurredAt, practices.timeZone(practiceId).orElse(ZoneOffset.UTC));
        if (day.isBefore(historyImport.coversFrom())
                || day.isAfter(historyImport.coversTo())
                || !occurredAt.isBefore(historyImport.openedAt())) {
            throw new HistoryImportException(
                    "OUTSIDE_HISTORY_IMPORT",
                    "An entry of " + day + " is outside history import " + importId + ", which covers "
                            + historyImport.coversFrom() + " to " + historyImport.coversTo()
                            + " before it was opened at " + historyImport.openedAt());
        }
        return new LateEntry(
                "Imported from " + historyImport.sourceDocument() + " (history import " + importId + ")",
                historyImport.attestedBy(),
                importId);
    }
}
