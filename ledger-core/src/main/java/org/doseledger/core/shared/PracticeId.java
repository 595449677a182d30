package org.doseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies a practice (a tenant of the ledger). */
public record PracticeId(String value) implements java.io.Serializable {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public PracticeId {
        Objects.requireNonNull(value, "practice id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("practice id must match " + FORMAT.pattern() + ": " + value);
        }
    }

    @JsonCreator
    public static PracticeId of(String value) {
        return new PracticeId(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The event-store identifier of the practice's own stream. */
    public String aggregateId() {
        return "practice:" + value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
