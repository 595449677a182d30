package org.doseledger.api.write;

import java.util.List;

/**
 * What a write answers: the events it appended and the highest ledger position among them, which a
 * client can pass as {@code atLeastPosition} to read its own write.
 */
public record WriteReceipt(String id, long ledgerPosition, List<AppendedEvent> events) {

    public static WriteReceipt of(String id, List<AppendedEvent> events) {
        long position =
                events.stream().mapToLong(AppendedEvent::ledgerPosition).max().orElse(0);
        return new WriteReceipt(id, position, events);
    }
}
