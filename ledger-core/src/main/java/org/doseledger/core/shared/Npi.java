package org.doseledger.core.shared;

import java.util.regex.Pattern;

/**
 * A National Provider Identifier (45 CFR 162.406): ten digits, the last a Luhn check digit computed
 * over the card-issuer prefix 80840 and the first nine.
 */
public final class Npi {

    private static final Pattern FORMAT = Pattern.compile("[12][0-9]{9}");

    private Npi() {}

    /** Why the text is not a valid NPI, or null when it is one. */
    public static String problemWith(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return "NPI must be ten digits starting with 1 or 2: " + value;
        }
        int expected = checkDigit("80840" + value.substring(0, 9));
        if (value.charAt(9) - '0' != expected) {
            return "NPI " + value + " fails its check digit (expected " + expected + ")";
        }
        return null;
    }

    private static int checkDigit(String digits) {
        int sum = 0;
        boolean twice = true; // the digit next to the check digit is doubled
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
