package org.doseledger.projections.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A report cell as text, the same in every sink that prints text (CSV and PDF): times in ISO 8601 with
 * their offset, decimals as written (no exponent, scale kept), dates ISO, booleans yes/no, null empty.
 */
public final class CellText {

    /** How a person reads a time: to the second, in the practice's zone, with the zone's abbreviation. */
    private static final DateTimeFormatter PRINTED_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", java.util.Locale.US);

    private CellText() {}

    /**
     * A cell as printed for people (the PDF): as {@link #of}, except that a time is shown to the second in
     * the report's zone with its abbreviation ("2026-03-09 11:30:00 CDT"), never with fractions of a second
     * or a bare offset.
     */
    public static String printed(Object cell, ZoneId zone) {
        if (cell instanceof Instant instant) {
            return PRINTED_TIME.format(instant.atZone(zone));
        }
        if (cell instanceof OffsetDateTime time) {
            return PRINTED_TIME.format(time.atZoneSameInstant(zone));
        }
        return of(cell, zone);
    }

    /**
     * @param cell one of the cell types of {@link ReportSink}, or null
     * @param zone the report's zone: an {@link Instant} is shown with its offset there; an {@link
     *     OffsetDateTime} keeps the offset it carries
     * @throws IllegalArgumentException for a type a report cell cannot be, so a wrong column fails loudly
     *     instead of printing an object's toString
     */
    public static String of(Object cell, ZoneId zone) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof String text) {
            return text;
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (cell instanceof Long || cell instanceof Integer) {
            return cell.toString();
        }
        if (cell instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (cell instanceof Instant instant) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
        }
        if (cell instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        if (cell instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        throw new IllegalArgumentException(
                "A report cell cannot be a " + cell.getClass().getName() + ": " + cell);
    }
}
