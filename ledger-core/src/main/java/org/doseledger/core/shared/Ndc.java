package org.doseledger.core.shared;

import java.util.regex.Pattern;

/**
 * National Drug Code checks. An NDC is 10 digits in a 4-4-2, 5-3-2 or 5-4-1 layout, or the 11-digit
 * 5-4-2 billing form, written with its hyphens so the layout is unambiguous.
 */
public final class Ndc {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9]{4}-[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{3}-[0-9]{2}|[0-9]{5}-[0-9]{4}-[0-9]{1,2}");

    private Ndc() {}

    public static boolean isValid(String ndc) {
        return ndc != null && FORMAT.matcher(ndc).matches();
    }
}
