package org.doseledger.core.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.client.api.AmendTreatmentPlanCommand;
import org.doseledger.core.client.api.ApproveTreatmentPlanCommand;
import org.doseledger.core.client.api.ClearanceExpiryBeforeClearanceException;
import org.doseledger.core.client.api.ClearanceSource;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.client.api.MedicalClearanceRecordedEvent;
import org.doseledger.core.client.api.RecordMedicalClearanceCommand;
import org.doseledger.core.client.api.RecordTherapySessionCommand;
import org.doseledger.core.client.api.TherapySessionKind;
import org.doseledger.core.client.api.TherapySessionRecordedEvent;
import org.doseledger.core.client.api.TreatmentPlanAmendedEvent;
import org.doseledger.core.client.api.TreatmentPlanApprovedEvent;
import org.doseledger.core.client.api.TreatmentPlanException;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.practitioner.api.Credentials;
import org.doseledger.core.practitioner.api.PractitionerFacts;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.core.shared.UnknownRecordException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClearanceAndPlanTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final ClientRef CLIENT = new ClientRef(PRACTICE, "c-42");
    private static final Instant AT = Instant.parse("2026-11-05T15:00:00Z");
    private static final TreatmentPlanTerms SIX_IM_SESSIONS = new TreatmentPlanTerms(
            6, 2, 6, Route.IM, new BigDecimal("40"), new BigDecimal("90"), new BigDecimal("100"), Duration.ofDays(6));

    /** dr-bo is a prescriber with a DEA registration; rn-1 is a nurse. */
    private static final Practitioners PRACTITIONERS = (practice, id) -> switch (id) {
        case "dr-bo" ->
            Optional.of(new PractitionerFacts(
                    id,
                    true,
                    Set.of(PractitionerRole.PRESCRIBER),
                    true,
                    new Credentials(
                            LocalDate.of(2030, 1, 1),
                            LocalDate.of(2030, 1, 1),
                            List.of(ControlledSchedule.IIIN),
                            null,
                            null)));
        case "rn-1" -> Optional.of(new PractitionerFacts(id, true, Set.of(PractitionerRole.NURSE), false));
        case "th-1" -> Optional.of(new PractitionerFacts(id, true, Set.of(PractitionerRole.THERAPIST), false));
        default -> Optional.empty();
    };

    private FixtureConfiguration<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(PRACTITIONERS);
    }

    @Test
    void anOutsideClinicianClearsTheClientWithABloodPressureCondition() {
        fixture.given(registered())
                .when(new RecordMedicalClearanceCommand(
                        CLIENT,
                        "clr-1",
                        ClearanceSource.OUTSIDE_CLINICIAN,
                        null,
                        sealed("clinician"),
                        AT,
                        150,
                        95,
                        sealed("conditions"),
                        AT.plus(Duration.ofDays(180))))
                .expectEvents(new MedicalClearanceRecordedEvent(
                        PRACTICE,
                        "c-42",
                        "clr-1",
                        ClearanceSource.OUTSIDE_CLINICIAN,
                        null,
                        sealed("clinician"),
                        AT,
                        150,
                        95,
                        sealed("conditions"),
                        AT.plus(Duration.ofDays(180))));
    }

    @Test
    void anInHouseClearanceIsGivenByAPrescriber() {
        fixture.given(registered())
                .when(new RecordMedicalClearanceCommand(
                        CLIENT,
                        "clr-1",
                        ClearanceSource.IN_HOUSE_PRESCRIBER,
                        "rn-1",
                        sealed("clinician"),
                        AT,
                        null,
                        null,
                        null,
                        null))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aClearanceCannotExpireBeforeItIsGiven() {
        fixture.given(registered())
                .when(new RecordMedicalClearanceCommand(
                        CLIENT,
                        "clr-1",
                        ClearanceSource.OUTSIDE_CLINICIAN,
                        null,
                        sealed("clinician"),
                        AT,
                        null,
                        null,
                        null,
                        AT))
                .expectNoEvents()
                .expectException(ClearanceExpiryBeforeClearanceException.class);
    }

    @Test
    void aPrescriberApprovesATreatmentPlan() {
        fixture.given(registered())
                .when(new ApproveTreatmentPlanCommand(CLIENT, "plan-1", SIX_IM_SESSIONS, "dr-bo", AT))
                .expectEvents(new TreatmentPlanApprovedEvent(PRACTICE, "c-42", "plan-1", SIX_IM_SESSIONS, "dr-bo", AT));
    }

    @Test
    void onlyAPrescriberApprovesATreatmentPlan() {
        fixture.given(registered())
                .when(new ApproveTreatmentPlanCommand(CLIENT, "plan-1", SIX_IM_SESSIONS, "rn-1", AT))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aPlanWhoseDoseRangeIsInvertedIsRefused() {
        TreatmentPlanTerms inverted = new TreatmentPlanTerms(
                6,
                2,
                6,
                Route.IM,
                new BigDecimal("90"),
                new BigDecimal("40"),
                new BigDecimal("100"),
                Duration.ofDays(6));

        fixture.given(registered())
                .when(new ApproveTreatmentPlanCommand(CLIENT, "plan-1", inverted, "dr-bo", AT))
                .expectNoEvents()
                .expectException(TreatmentPlanException.class);
    }

    @Test
    void aSecondPlanIsAnAmendmentNotAnotherApproval() {
        fixture.given(registered(), approved())
                .when(new ApproveTreatmentPlanCommand(CLIENT, "plan-2", SIX_IM_SESSIONS, "dr-bo", AT))
                .expectNoEvents()
                .expectException(TreatmentPlanException.class);
    }

    @Test
    void thePlanIsAmendedWithAReason() {
        fixture.given(registered(), approved())
                .when(new AmendTreatmentPlanCommand(CLIENT, "plan-1", SIX_IM_SESSIONS, sealed("reason"), "dr-bo", AT))
                .expectEvents(new TreatmentPlanAmendedEvent(
                        PRACTICE, "c-42", "plan-1", SIX_IM_SESSIONS, sealed("reason"), "dr-bo", AT));
    }

    @Test
    void onlyTheActivePlanIsAmended() {
        fixture.given(registered(), approved())
                .when(new AmendTreatmentPlanCommand(CLIENT, "plan-9", SIX_IM_SESSIONS, sealed("reason"), "dr-bo", AT))
                .expectNoEvents()
                .expectException(UnknownRecordException.class);
    }

    @Test
    void anIntegrationSessionIsLedByATherapist() {
        fixture.given(registered())
                .when(new RecordTherapySessionCommand(
                        CLIENT, "t-1", TherapySessionKind.INTEGRATION, "th-1", "s-1", 50, AT))
                .expectEvents(new TherapySessionRecordedEvent(
                        PRACTICE, "c-42", "t-1", TherapySessionKind.INTEGRATION, "th-1", "s-1", 50, AT));
        fixture.given(registered())
                .when(new RecordTherapySessionCommand(
                        CLIENT, "t-1", TherapySessionKind.INTEGRATION, "rn-1", "s-1", 50, AT))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    private static TreatmentPlanApprovedEvent approved() {
        return new TreatmentPlanApprovedEvent(PRACTICE, "c-42", "plan-1", SIX_IM_SESSIONS, "dr-bo", AT);
    }

    private static ClientRegisteredEvent registered() {
        return new ClientRegisteredEvent(
                PRACTICE,
                "c-42",
                new SealedPersonalData("key-1", "n1", "legal-name"),
                new SealedPersonalData("key-1", "n2", "date-of-birth"),
                new SealedPersonalData("key-1", "n3", "address"),
                AT.minus(Duration.ofDays(3)));
    }

    private static org.doseledger.core.shared.SealedPersonalData sealed(String field) {
        return new org.doseledger.core.shared.SealedPersonalData("key-1", field + "-nonce", field + "-ciphertext");
    }
}
