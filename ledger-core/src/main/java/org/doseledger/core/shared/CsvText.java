package org.doseledger.core.shared;

/**
 * How every CSV of the ledger writes a field (RFC 4180), and its one formula policy: the API's CSV answers,
 * the regulator bundles' CSV files, and the offline verifier that checks those against their JSON.
 *
 * <p>Text that a spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or CR) gets a leading single quote, so that a name or a reason sent as {@code =HYPERLINK(...)} is shown,
 * not run, by whoever opens the file. Only text: numbers (negative ones too), booleans, times and dates are
 * written as they are. The JSON beside a bundle's CSV keeps the exact text.
 */
public final class CsvText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvText() {}

    /** Text as a CSV shows it: with a leading quote when a spreadsheet would run it as a formula. */
    public static String guarded(String text) {
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /**
     * A field as written between the commas: quoted, with quotes doubled, when it holds a comma, a double quote,
     * CR or LF, or starts or ends with a space.
     */
    public static String field(String value) {
        return needsQuotes(value) ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
