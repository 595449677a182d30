package org.doseledger.api.batch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An item of a batch was refused, so the whole batch was rolled back. Carries the item's index and its
 * own problem document, as its endpoint answered it alone; the batch answers with the item's status.
 */
public class BatchItemFailedException extends RuntimeException {

    private final int index;
    private final int status;
    private final JsonNode problem;
    private final String retryAfter;

    public BatchItemFailedException(int index, String endpoint, int status, JsonNode problem, String retryAfter) {
        super("Item " + index + " (" + endpoint + ") was refused with " + status + " "
                + problem.path("code").asText("") + "; nothing in the batch was written");
        this.index = index;
        this.status = status;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public int index() {
        return index;
    }

    public int status() {
        return status;
    }

    /** The item's own RFC 9457 problem: its code, detail and, for invalid bodies, the field errors. */
    public JsonNode problem() {
        return problem;
    }

    /** The item's Retry-After header, when it had one (a rate limit, a concurrent change). */
    public String retryAfter() {
        return retryAfter;
    }
}
