package org.doseledger.projections.support;

import java.util.function.Predicate;

/**
 * A read-model table with one row per event it must hold, keyed by the event's ledger position and
 * naming the event's id: the reconciliation compares its rows with the event log, so a row lost, put at
 * another event's position, or edited to name another event is found.
 *
 * @param processor the streaming processor (processing group) that writes the table
 * @param table the table, with {@code ledger_position} and {@code event_id} columns
 * @param mustHold the event types of which every event has a row; null for every event the processor handles
 * @param rowFilter an SQL condition on the table's rows that selects those rows (others are rows of types it
 *     may hold, such as a correction of a client's entry on the timeline); null for every row
 */
public record ReconciledTable(String processor, String table, Predicate<Class<?>> mustHold, String rowFilter) {

    /** A table with a row for every event its processor handles, and nothing else. */
    public static ReconciledTable everyHandledEvent(String processor, String table) {
        return new ReconciledTable(processor, table, null, null);
    }

    /** A table with a row for every event of the given type (or its subtypes) and nothing else. */
    public static ReconciledTable everyEventOf(String processor, String table, Class<?> type) {
        return new ReconciledTable(processor, table, type::isAssignableFrom, null);
    }
}
