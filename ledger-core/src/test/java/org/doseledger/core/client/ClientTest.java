package org.doseledger.core.client;

import static org.axonframework.test.matchers.Matchers.predicate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.client.api.ChangeClientAddressCommand;
import org.doseledger.core.client.api.ClientAddressChangedEvent;
import org.doseledger.core.client.api.ClientContactUpdatedEvent;
import org.doseledger.core.client.api.ClientDataKeyShreddedEvent;
import org.doseledger.core.client.api.ClientDataShreddedException;
import org.doseledger.core.client.api.ClientEnrolledInRemsEvent;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.client.api.ClientWeightRecordedEvent;
import org.doseledger.core.client.api.ConsentAlreadyRecordedException;
import org.doseledger.core.client.api.ConsentAlreadyRevokedException;
import org.doseledger.core.client.api.ConsentDocument;
import org.doseledger.core.client.api.ConsentExpiryBeforeSigningException;
import org.doseledger.core.client.api.ConsentRevokedEvent;
import org.doseledger.core.client.api.ConsentSignedEvent;
import org.doseledger.core.client.api.ConsentSupersededEvent;
import org.doseledger.core.client.api.ImplausibleWeightException;
import org.doseledger.core.client.api.RecordClientWeightCommand;
import org.doseledger.core.client.api.RecordConsentCommand;
import org.doseledger.core.client.api.RecordRemsEnrolmentCommand;
import org.doseledger.core.client.api.RegisterClientCommand;
import org.doseledger.core.client.api.RevocationBeforeSigningException;
import org.doseledger.core.client.api.RevokeConsentCommand;
import org.doseledger.core.client.api.ShredClientDataKeyCommand;
import org.doseledger.core.client.api.UpdateClientContactCommand;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.core.shared.UnknownRecordException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final ClientRef CLIENT = new ClientRef(PRACTICE, "c-42");
    private static final SealedPersonalData NAME = sealed("name");
    private static final SealedPersonalData BORN = sealed("born");
    private static final SealedPersonalData ADDRESS = sealed("address");
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final Instant SIGNED_AT = Instant.parse("2026-11-03T09:30:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2027-11-03T09:30:00Z");
    private static final ConsentDocument DOCUMENT =
            new ConsentDocument("ketamine-informed-consent", "3.1", LocalDate.of(2026, 1, 15));

    private FixtureConfiguration<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource((Practices) practice -> Optional.of(ZoneId.of("America/Chicago")));
    }

    @Test
    void canRegisterAClient() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClientCommand(CLIENT, NAME, BORN, ADDRESS, REGISTERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void canRecordAConsent() {
        fixture.given(registered())
                .when(new RecordConsentCommand(
                        CLIENT,
                        "consent-1",
                        DOCUMENT,
                        SIGNED_AT,
                        sealed("signedBy"),
                        sealed("witnessedBy"),
                        inThisOrder("dissociation", "blood-pressure", "bladder"),
                        inThisOrder(Route.SUBLINGUAL, Route.IM),
                        inThisOrder(CareModel.DISPENSED, CareModel.ADMINISTERED),
                        EXPIRES_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConsentSignedEvent(
                        PRACTICE,
                        "c-42",
                        "consent-1",
                        DOCUMENT,
                        SIGNED_AT,
                        sealed("signedBy"),
                        sealed("witnessedBy"),
                        List.of("bladder", "blood-pressure", "dissociation"),
                        List.of(Route.IM, Route.SUBLINGUAL),
                        List.of(CareModel.ADMINISTERED, CareModel.DISPENSED),
                        EXPIRES_AT));
    }

    @Test
    void canRecordAConsentThatDoesNotExpire() {
        fixture.given(registered())
                .when(recordConsent("consent-1", SIGNED_AT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(signed("consent-1", SIGNED_AT, null));
    }

    @Test
    void cannotRecordTheSameConsentTwice() {
        fixture.given(registered(), signed("consent-1", SIGNED_AT, EXPIRES_AT))
                .when(recordConsent("consent-1", SIGNED_AT.plusSeconds(60), EXPIRES_AT))
                .expectNoEvents()
                .expectException(ConsentAlreadyRecordedException.class);
    }

    @Test
    void consentCannotExpireBeforeItIsSigned() {
        fixture.given(registered())
                .when(recordConsent("consent-1", SIGNED_AT, SIGNED_AT.minusSeconds(1)))
                .expectNoEvents()
                .expectException(ConsentExpiryBeforeSigningException.class);
    }

    @Test
    void consentCannotExpireTheMomentItIsSigned() {
        fixture.given(registered())
                .when(recordConsent("consent-1", SIGNED_AT, SIGNED_AT))
                .expectNoEvents()
                .expectException(ConsentExpiryBeforeSigningException.class);
    }

    @Test
    void canRevokeAConsent() {
        Instant effectiveAt = Instant.parse("2027-02-01T12:00:00Z");

        fixture.given(registered(), signed("consent-1", SIGNED_AT, EXPIRES_AT))
                .when(new RevokeConsentCommand(CLIENT, "consent-1", effectiveAt, sealed("reason")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConsentRevokedEvent(PRACTICE, "c-42", "consent-1", effectiveAt, sealed("reason")));
    }

    @Test
    void cannotRevokeARevokedConsent() {
        Instant firstRevocation = Instant.parse("2027-02-01T12:00:00Z");

        fixture.given(
                        registered(),
                        signed("consent-1", SIGNED_AT, EXPIRES_AT),
                        new ConsentRevokedEvent(PRACTICE, "c-42", "consent-1", firstRevocation, sealed("reason")))
                .when(new RevokeConsentCommand(
                        CLIENT, "consent-1", firstRevocation.plusSeconds(3600), sealed("reason")))
                .expectNoEvents()
                .expectException(ConsentAlreadyRevokedException.class)
                .expectExceptionMessage(predicate((String message) -> message.contains("consent-1")));
    }

    @Test
    void cannotRevokeAnUnknownConsent() {
        fixture.given(registered(), signed("consent-1", SIGNED_AT, EXPIRES_AT))
                .when(new RevokeConsentCommand(CLIENT, "consent-2", SIGNED_AT.plusSeconds(60), sealed("reason")))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown consent 'consent-2'");
    }

    @Test
    void cannotRevokeEffectiveBeforeSigning() {
        fixture.given(registered(), signed("consent-1", SIGNED_AT, EXPIRES_AT))
                .when(new RevokeConsentCommand(CLIENT, "consent-1", SIGNED_AT.minusSeconds(1), sealed("reason")))
                .expectNoEvents()
                .expectException(RevocationBeforeSigningException.class);
    }

    @Test
    void canRevokeEffectiveAtTheMomentOfSigning() {
        fixture.given(registered(), signed("consent-1", SIGNED_AT, EXPIRES_AT))
                .when(new RevokeConsentCommand(CLIENT, "consent-1", SIGNED_AT, sealed("reason")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConsentRevokedEvent(PRACTICE, "c-42", "consent-1", SIGNED_AT, sealed("reason")));
    }

    @SafeVarargs
    private static <T> Set<T> inThisOrder(T... elements) {
        return new LinkedHashSet<>(List.of(elements));
    }

    private static ClientRegisteredEvent registered() {
        return new ClientRegisteredEvent(PRACTICE, "c-42", NAME, BORN, ADDRESS, REGISTERED_AT);
    }

    @Test
    void anAddressChangeIsRecorded() {
        SealedPersonalData moved = sealed("moved");
        fixture.given(registered())
                .when(new ChangeClientAddressCommand(CLIENT, moved, SIGNED_AT))
                .expectEvents(new ClientAddressChangedEvent(PRACTICE, "c-42", moved, SIGNED_AT));
    }

    @Test
    void aWeightIsRecordedInKilograms() {
        fixture.given(registered())
                .when(new RecordClientWeightCommand(CLIENT, new BigDecimal("72.4"), "rn-1", SIGNED_AT))
                .expectEvents(
                        new ClientWeightRecordedEvent(PRACTICE, "c-42", new BigDecimal("72.4"), "rn-1", SIGNED_AT));
    }

    @Test
    void aWeightThatLooksLikePoundsIsRefused() {
        fixture.given(registered())
                .when(new RecordClientWeightCommand(CLIENT, new BigDecimal("410"), "rn-1", SIGNED_AT))
                .expectNoEvents()
                .expectException(ImplausibleWeightException.class);
    }

    @Test
    void aContactPhoneIsRecorded() {
        fixture.given(registered())
                .when(new UpdateClientContactCommand(CLIENT, sealed("phone"), SIGNED_AT))
                .expectEvents(new ClientContactUpdatedEvent(PRACTICE, "c-42", sealed("phone"), SIGNED_AT));
    }

    @Test
    void aRemsEnrolmentIsRecordedSealed() {
        fixture.given(registered())
                .when(new RecordRemsEnrolmentCommand(CLIENT, sealed("enrolmentId"), SIGNED_AT))
                .expectEvents(new ClientEnrolledInRemsEvent(PRACTICE, "c-42", sealed("enrolmentId"), SIGNED_AT));
    }

    @Test
    void noRemsEnrolmentIsRecordedAfterTheDataKeyIsShredded() {
        fixture.given(
                        registered(),
                        new ClientDataKeyShreddedEvent(
                                PRACTICE, "c-42", "key-1", "retention over", REGISTERED_AT, SIGNED_AT))
                .when(new RecordRemsEnrolmentCommand(CLIENT, sealed("enrolmentId"), SIGNED_AT))
                .expectNoEvents()
                .expectException(ClientDataShreddedException.class);
    }

    @Test
    void aDataKeyIsShreddedOnce() {
        Instant lastActivity = REGISTERED_AT;
        fixture.given(registered())
                .when(new ShredClientDataKeyCommand(CLIENT, "key-1", "retention over", lastActivity, SIGNED_AT))
                .expectEvents(new ClientDataKeyShreddedEvent(
                        PRACTICE, "c-42", "key-1", "retention over", lastActivity, SIGNED_AT));
    }

    @Test
    void cannotShredADataKeyTwice() {
        fixture.given(
                        registered(),
                        new ClientDataKeyShreddedEvent(
                                PRACTICE, "c-42", "key-1", "retention over", REGISTERED_AT, SIGNED_AT))
                .when(new ShredClientDataKeyCommand(CLIENT, "key-1", "again", REGISTERED_AT, SIGNED_AT))
                .expectNoEvents()
                .expectException(ClientDataShreddedException.class);
    }

    @Test
    void cannotRecordAnAddressAfterTheDataKeyIsShredded() {
        fixture.given(
                        registered(),
                        new ClientDataKeyShreddedEvent(
                                PRACTICE, "c-42", "key-1", "retention over", REGISTERED_AT, SIGNED_AT))
                .when(new ChangeClientAddressCommand(CLIENT, sealed("moved"), SIGNED_AT))
                .expectNoEvents()
                .expectException(ClientDataShreddedException.class);
    }

    private static SealedPersonalData sealed(String field) {
        return new SealedPersonalData("key-1", field + "-nonce", field + "-ciphertext");
    }

    @Test
    void signingANewerVersionOfADocumentSupersedesTheOlderConsent() {
        Instant later = SIGNED_AT.plusSeconds(86_400);
        fixture.given(registered(), signed("consent-1", SIGNED_AT, null))
                .when(recordConsent("consent-2", later, null))
                .expectEvents(
                        signed("consent-2", later, null),
                        new ConsentSupersededEvent(PRACTICE, "c-42", "consent-1", "consent-2", later));
    }

    @Test
    void aRevokedConsentIsNotSupersededAgain() {
        Instant later = SIGNED_AT.plusSeconds(86_400);
        fixture.given(
                        registered(),
                        signed("consent-1", SIGNED_AT, null),
                        new ConsentRevokedEvent(
                                PRACTICE, "c-42", "consent-1", SIGNED_AT.plusSeconds(60), sealed("reason")))
                .when(recordConsent("consent-2", later, null))
                .expectEvents(signed("consent-2", later, null));
    }

    @Test
    void aConsentWithoutExpiryExpiresAfterThePracticesValidityPeriod() {
        FixtureConfiguration<Client> yearly = new AggregateTestFixture<>(Client.class);
        yearly.registerInjectableResource(new Practices() {
            @Override
            public Optional<ZoneId> timeZone(PracticeId practiceId) {
                return Optional.of(ZoneId.of("America/Chicago"));
            }

            @Override
            public PracticePolicies policies(PracticeId practiceId) {
                return new PracticePolicies(false, 25, 24, 365);
            }
        });
        yearly.given(registered())
                .when(recordConsent("consent-1", SIGNED_AT, null))
                .expectEvents(signed("consent-1", SIGNED_AT, SIGNED_AT.plus(java.time.Duration.ofDays(365))));
    }

    private static RecordConsentCommand recordConsent(String consentId, Instant signedAt, Instant expiresAt) {
        return new RecordConsentCommand(
                CLIENT,
                consentId,
                DOCUMENT,
                signedAt,
                sealed("signedBy"),
                sealed("witnessedBy"),
                Set.of("dissociation"),
                Set.of(Route.SUBLINGUAL),
                Set.of(CareModel.ADMINISTERED),
                expiresAt);
    }

    private static ConsentSignedEvent signed(String consentId, Instant signedAt, Instant expiresAt) {
        return new ConsentSignedEvent(
                PRACTICE,
                "c-42",
                consentId,
                DOCUMENT,
                signedAt,
                sealed("signedBy"),
                sealed("witnessedBy"),
                List.of("dissociation"),
                List.of(Route.SUBLINGUAL),
                List.of(CareModel.ADMINISTERED),
                expiresAt);
    }
}
