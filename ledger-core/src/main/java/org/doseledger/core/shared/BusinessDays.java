package org.doseledger.core.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Business-day arithmetic for regulatory deadlines. Weekends are skipped; public holidays are not known. */
public final class BusinessDays {

    private BusinessDays() {}

    /** The first business day after {@code date}. */
    public static LocalDate nextAfter(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
