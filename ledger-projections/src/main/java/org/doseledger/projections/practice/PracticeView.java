package org.doseledger.projections.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.PostalAddress;

/** A registered practice as the ledger knows it; {@code phone} and {@code contactName} null when not on file. */
public record PracticeView(
        String practiceId,
        String name,
        PostalAddress address,
        String deaNumber,
        LocalDate deaRegistrationExpiresOn,
        List<ControlledSchedule> authorizedSchedules,
        String timeZone,
        PracticePolicies policies,
        Instant registeredAt,
        Instant recordedAt,
        String phone,
        String contactName) {}
