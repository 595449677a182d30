package org.doseledger.api.generator;

/** How both emitters back off when the ledger's rate limit answers 429: for as long as Retry-After says. */
final class RetryAfter {

    private RetryAfter() {}

    /** Waits the seconds of a Retry-After header (at least one; one when the header is absent). */
    static void pause(String retryAfterSeconds) {
        try {
            Thread.sleep(
                    Math.max(1, Long.parseLong(retryAfterSeconds == null ? "1" : retryAfterSeconds.trim())) * 1000L);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unreadable Retry-After: " + retryAfterSeconds, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rate limit", e);
        }
    }
}
