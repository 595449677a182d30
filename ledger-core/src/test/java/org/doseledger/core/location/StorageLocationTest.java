package org.doseledger.core.location;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.location.api.LocationNeedsOwnRegistrationException;
import org.doseledger.core.location.api.RegisterStorageLocationCommand;
import org.doseledger.core.location.api.StorageLocationRegisteredEvent;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StorageLocationTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
    private static final PostalAddress REGISTERED = new PostalAddress("1 Main St", null, "Springfield", "IL", "62701");
    private static final PostalAddress ANNEX = new PostalAddress("40 Oak Ave", null, "Chatham", "IL", "62629");
    private static final String PRACTICE_DEA = "BK1234563";

    private FixtureConfiguration<StorageLocation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StorageLocation.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new Practices() {
            @Override
            public Optional<java.time.ZoneId> timeZone(PracticeId practiceId) {
                return Optional.of(java.time.ZoneId.of("America/Chicago"));
            }

            @Override
            public Optional<String> deaNumber(PracticeId practiceId) {
                return Optional.of(PRACTICE_DEA);
            }

            @Override
            public Optional<PostalAddress> address(PracticeId practiceId) {
                return Optional.of(REGISTERED);
            }
        });
    }

    @Test
    void canRegisterAStorageLocation() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStorageLocationCommand(
                        PRACTICE, "safe-1", "Dosing room safe", LocationKind.SAFE, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StorageLocationRegisteredEvent(
                        PRACTICE, "safe-1", "Dosing room safe", LocationKind.SAFE, false, NOW));
    }

    @Test
    void aLocationAtTheRegisteredAddressIsHeldUnderThePracticesRegistration() {
        fixture.givenNoPriorActivity()
                .when(location(REGISTERED, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StorageLocationRegisteredEvent(
                        PRACTICE, "safe-2", "Annex safe", LocationKind.SAFE, false, NOW, null, null, null));
        fixture.givenNoPriorActivity()
                .when(location(REGISTERED, DeaNumber.of("BA6125341")))
                .expectNoEvents()
                .expectException(LocationNeedsOwnRegistrationException.class);
    }

    @Test
    void aLocationAtAnotherAddressNamesTheRegistrationOfThatAddress() {
        fixture.givenNoPriorActivity()
                .when(location(ANNEX, DeaNumber.of("BA6125341")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StorageLocationRegisteredEvent(
                        PRACTICE, "safe-2", "Annex safe", LocationKind.SAFE, false, NOW, ANNEX, "BA6125341", null));
    }

    @Test
    void aLocationAtAnotherAddressWithoutARegistrationOfItsOwnIsRefused() {
        fixture.givenNoPriorActivity()
                .when(location(ANNEX, null))
                .expectNoEvents()
                .expectException(LocationNeedsOwnRegistrationException.class);
        fixture.givenNoPriorActivity()
                .when(location(ANNEX, DeaNumber.of(PRACTICE_DEA)))
                .expectNoEvents()
                .expectException(LocationNeedsOwnRegistrationException.class);
    }

    private static RegisterStorageLocationCommand location(PostalAddress address, DeaNumber deaNumber) {
        return new RegisterStorageLocationCommand(
                PRACTICE, "safe-2", "Annex safe", LocationKind.SAFE, false, null, address, deaNumber, null);
    }
}
