package org.doseledger.api.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a batch answers: each item's answer in order, and the range of ledger positions the batch
 * appended; {@code ledgerPosition}, the highest, is what a client passes as {@code atLeastPosition} to
 * read its writes.
 */
public record BatchReceipt(long firstPosition, long ledgerPosition, List<Item> items) {

    /** One item's answer as its own endpoint gave it: status, Location and receipt. */
    public record Item(int index, int status, String location, JsonNode receipt) {}

    static BatchReceipt of(List<Item> items) {
        long first = Long.MAX_VALUE;
        long last = 0;
        for (Item item : items) {
            for (JsonNode event : item.receipt().path("events")) {
                long position = event.path("ledgerPosition").asLong();
                if (position > 0) {
                    first = Math.min(first, position);
                    last = Math.max(last, position);
                }
            }
        }
        return new BatchReceipt(first == Long.MAX_VALUE ? 0 : first, last, List.copyOf(items));
    }
}
