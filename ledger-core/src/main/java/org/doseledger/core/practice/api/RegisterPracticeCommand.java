package org.doseledger.core.practice.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;

/**
 * Register a practice (the DEA registrant) with the ledger.
 *
 * @param timeZone where the practice is: calendar rules (expiry dates, deadlines) are judged in it
 */
public record RegisterPracticeCommand(
        PracticeId practiceId,
        String name,
        PostalAddress address,
        DeaNumber deaNumber,
        LocalDate deaRegistrationExpiresOn,
        Set<ControlledSchedule> authorizedSchedules,
        ZoneId timeZone,
        Instant occurredAt,
        String phone,
        String contactName) {

    /** A practice registered without a phone or contact on file. */
    public RegisterPracticeCommand(
            PracticeId practiceId,
            String name,
            PostalAddress address,
            DeaNumber deaNumber,
            LocalDate deaRegistrationExpiresOn,
            Set<ControlledSchedule> authorizedSchedules,
            ZoneId timeZone,
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

    @TargetAggregateIdentifier
    public String aggregateId() {
        return practiceId.aggregateId();
    }
}
