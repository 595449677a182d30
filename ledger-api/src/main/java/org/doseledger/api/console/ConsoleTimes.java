package org.doseledger.api.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as a practice reads them: in its own time zone, with the zone's abbreviation. */
record ConsoleTimes(ZoneId zone) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.US);

    static ConsoleTimes of(String zone) {
        return new ConsoleTimes(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
    }

    public String at(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }
}
