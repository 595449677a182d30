package org.doseledger.api.batch;

/** A batch holds more items than {@code ledger.batch.max-items} (answered with 413). */
public class BatchTooLargeException extends RuntimeException {

    private final int maxItems;

    public BatchTooLargeException(int items, int maxItems) {
        super("The batch holds " + items + " items; the limit is " + maxItems + ". Split it into smaller batches.");
        this.maxItems = maxItems;
    }

    public int maxItems() {
        return maxItems;
    }
}
