package org.doseledger.core.practitioner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practitioner.api.CertificateKind;
import org.doseledger.core.practitioner.api.CredentialAlreadyExpiredException;
import org.doseledger.core.practitioner.api.PractitionerCertificateRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerDeaRegistrationRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerLicenceRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.RecordCertificateCommand;
import org.doseledger.core.practitioner.api.RecordDeaRegistrationCommand;
import org.doseledger.core.practitioner.api.RecordLicenceCommand;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PractitionerCredentialsTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final Instant AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final LocalDate NEXT_YEAR = LocalDate.of(2027, 11, 30);

    private FixtureConfiguration<Practitioner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practitioner.class);
    }

    @Test
    void aLicenceIsRecorded() {
        fixture.given(registered())
                .when(new RecordLicenceCommand(PRACTICE, "dr-bo", "RN-12345", "IL", NEXT_YEAR, AT))
                .expectEvents(new PractitionerLicenceRecordedEvent(PRACTICE, "dr-bo", "RN-12345", "IL", NEXT_YEAR, AT));
    }

    @Test
    void anAlreadyExpiredLicenceIsRefused() {
        fixture.given(registered())
                .when(new RecordLicenceCommand(PRACTICE, "dr-bo", "RN-12345", "IL", LocalDate.of(2026, 11, 1), AT))
                .expectNoEvents()
                .expectException(CredentialAlreadyExpiredException.class);
    }

    @Test
    void aDeaRegistrationIsRecordedWithSortedSchedules() {
        fixture.given(registered())
                .when(new RecordDeaRegistrationCommand(
                        PRACTICE,
                        "dr-bo",
                        DeaNumber.of("BJ6125341"),
                        NEXT_YEAR,
                        Set.of(ControlledSchedule.IV, ControlledSchedule.IIIN, ControlledSchedule.III),
                        AT))
                .expectEvents(new PractitionerDeaRegistrationRecordedEvent(
                        PRACTICE,
                        "dr-bo",
                        "BJ6125341",
                        NEXT_YEAR,
                        List.of(ControlledSchedule.III, ControlledSchedule.IIIN, ControlledSchedule.IV),
                        AT));
    }

    @Test
    void aCertificateWithoutExpiryIsRecorded() {
        fixture.given(registered())
                .when(new RecordCertificateCommand(
                        PRACTICE, "dr-bo", CertificateKind.KAP_TRAINING, "Fluence", LocalDate.of(2025, 3, 1), null, AT))
                .expectEvents(new PractitionerCertificateRecordedEvent(
                        PRACTICE,
                        "dr-bo",
                        CertificateKind.KAP_TRAINING,
                        "Fluence",
                        LocalDate.of(2025, 3, 1),
                        null,
                        AT));
    }

    private static PractitionerRegisteredEvent registered() {
        return new PractitionerRegisteredEvent(
                PRACTICE, "dr-bo", "Dr. Bo", List.of(PractitionerRole.PRESCRIBER), "BJ6125341", AT);
    }
}
