package org.doseledger.api.personaldata;

import java.util.List;
import org.doseledger.api.write.AppendedEvent;

/**
 * What shredding a client's data key answers: the events it appended, the highest ledger position, and
 * the export bundles it destroyed because they may name the client (they read PURGED; request them again
 * to have them without the client's personal data).
 */
public record ShreddingReceipt(
        String id, long ledgerPosition, List<AppendedEvent> events, List<String> purgedExports) {}
