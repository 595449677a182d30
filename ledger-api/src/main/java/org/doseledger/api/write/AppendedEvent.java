package org.doseledger.api.write;

/** An event a write appended: its id, its type and its ledger position (global index). */
public record AppendedEvent(String eventId, String eventType, long ledgerPosition) {}
