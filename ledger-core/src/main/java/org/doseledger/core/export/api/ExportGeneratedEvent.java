package org.doseledger.core.export.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * A regulator export of a practice was generated as a verifiable bundle: its type and parameters (ids,
 * dates and filters only, never personal data), how many records it holds, the SHA-256 of each file and
 * of the manifest that lists them, the ledger position its records were read at ({@code ledgerPosition}:
 * every event up to it and none after), the signed checkpoint covering that position, and the credential
 * that asked for it. The bundle itself is not in the ledger; this fact lets anyone holding a bundle match
 * it to the ledger's record of its generation. A PDMP file lists the records it holds ({@code pdmpRecords}:
 * which dispensing, NEW, REVISE or VOID, what quantity), so that the next file reports only what changed
 * since a submitted or accepted one; null for other exports and for files generated before it existed.
 */
@Revision("1")
public record ExportGeneratedEvent(
        PracticeId practiceId,
        String exportId,
        String exportType,
        Map<String, String> parameters,
        long records,
        Map<String, String> files,
        String manifestSha256,
        long ledgerPosition,
        long checkpointNumber,
        long checkpointToIndex,
        String generatedBy,
        Instant occurredAt,
        List<PdmpFileRecord> pdmpRecords)
        implements LedgerEvent {

    /** An export of another type than the PDMP file (and every export generated before files listed their records). */
    public ExportGeneratedEvent(
            PracticeId practiceId,
            String exportId,
            String exportType,
            Map<String, String> parameters,
            long records,
            Map<String, String> files,
            String manifestSha256,
            long ledgerPosition,
            long checkpointNumber,
            long checkpointToIndex,
            String generatedBy,
            Instant occurredAt) {
        this(
                practiceId,
                exportId,
                exportType,
                parameters,
                records,
                files,
                manifestSha256,
                ledgerPosition,
                checkpointNumber,
                checkpointToIndex,
                generatedBy,
                occurredAt,
                null);
    }
}
