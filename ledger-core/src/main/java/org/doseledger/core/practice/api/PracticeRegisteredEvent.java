package org.doseledger.core.practice.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;

/**
 * A practice, the DEA registrant for its stock, was registered with its DEA registration and its time
 * zone (an IANA id such as America/Chicago), and the phone (ten digits) and contact person the DEA
 * forms and the PDMP file name (null when not given, and in events recorded before they existed).
 */
@Revision("1")
public record PracticeRegisteredEvent(
        PracticeId practiceId,
        String name,
        PostalAddress address,
        String deaNumber,
        LocalDate deaRegistrationExpiresOn,
        List<ControlledSchedule> authorizedSchedules,
        String timeZone,
        Instant occurredAt,
        String phone,
        String contactName)
        implements LedgerEvent {

    /** A practice registered without a phone or contact on file. */
    public PracticeRegisteredEvent(
            PracticeId practiceId,
            String name,
            PostalAddress address,
            String deaNumber,
            LocalDate deaRegistrationExpiresOn,
            List<ControlledSchedule> authorizedSchedules,
            String timeZone,
            Instant occurredAt) {
        this(
                practiceId,
                name,
                address,
                deaNumber,
                deaRegistrationExpiresOn,
                authorizedSchedules,
                timeZone,
                occurredAt,
                null,
                null);
    }
}
