package org.doseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A DEA registration number: two letters and seven digits, the last a check digit. The check digit
 * is the last digit of (d1 + d3 + d5) + 2 * (d2 + d4 + d6).
 */
public record DeaNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}");

    public DeaNumber {
        Objects.requireNonNull(value, "DEA number");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    @JsonCreator
    public static DeaNumber of(String value) {
        return new DeaNumber(value);
    }

    /** Why the text is not a valid DEA number, or null when it is one. */
    public static String problemWith(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return "DEA number must be a registrant-type letter, a letter or 9, and seven digits: " + value;
        }
        int[] d = value.substring(2).chars().map(c -> c - '0').toArray();
        int expected = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
        if (d[6] != expected) {
            return "DEA number " + value + " fails its check digit (expected " + expected + ")";
        }
        return null;
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
