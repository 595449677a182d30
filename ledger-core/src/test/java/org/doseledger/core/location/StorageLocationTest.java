package org.doseledger.core.location;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.location.api.RegisterStorageLocationCommand;
import org.doseledger.core.location.api.StorageLocationRegisteredEvent;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StorageLocationTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");

    private FixtureConfiguration<StorageLocation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StorageLocation.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
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
}
