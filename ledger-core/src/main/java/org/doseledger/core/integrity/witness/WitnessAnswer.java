package org.doseledger.core.integrity.witness;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the witness answers to one add-checkpoint request: the HTTP status, its content type and body,
 * and the one line it logs about it (origin, sizes and reason).
 */
public record WitnessAnswer(int status, String contentType, String body, String logLine) {

    public static final String TEXT = "text/plain; charset=utf-8";

    public WitnessAnswer {
        Objects.requireNonNull(contentType, "content type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(logLine, "log line");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }

    /** A refusal whose body is the reason, in one line of text. */
    static WitnessAnswer refused(int status, String reason, String logLine) {
        return new WitnessAnswer(status, TEXT, reason + "\n", logLine);
    }

    public boolean accepted() {
        return status == 200;
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
