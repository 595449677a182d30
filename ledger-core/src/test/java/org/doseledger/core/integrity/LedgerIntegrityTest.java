package org.doseledger.core.integrity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.integrity.api.ActivateSigningKeyCommand;
import org.doseledger.core.integrity.api.LedgerVerifiedEvent;
import org.doseledger.core.integrity.api.RecordVerificationCommand;
import org.doseledger.core.integrity.api.SigningKeyActivatedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerIntegrityTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final SigningKeyActivatedEvent FIRST =
            new SigningKeyActivatedEvent("aaaa000011112222", "Ed25519", "MCowBQYDK2VwAyEAfirst", null, NOW);

    private FixtureConfiguration<LedgerIntegrity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LedgerIntegrity.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstKeyIsRecordedWithNoPredecessor() {
        fixture.givenNoPriorActivity()
                .when(new ActivateSigningKeyCommand("aaaa000011112222", "Ed25519", "MCowBQYDK2VwAyEAfirst"))
                .expectEvents(FIRST);
    }

    @Test
    void theSameKeyAtEveryRestartIsRecordedOnce() {
        fixture.given(FIRST)
                .when(new ActivateSigningKeyCommand("aaaa000011112222", "Ed25519", "MCowBQYDK2VwAyEAfirst"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRotationNamesTheKeyItReplaces() {
        fixture.given(FIRST)
                .when(new ActivateSigningKeyCommand("bbbb000011112222", "Ed25519", "MCowBQYDK2VwAyEAsecond"))
                .expectEvents(new SigningKeyActivatedEvent(
                        "bbbb000011112222", "Ed25519", "MCowBQYDK2VwAyEAsecond", "aaaa000011112222", NOW));
    }

    @Test
    void everyVerificationIsRecorded() {
        Instant started = NOW.minusSeconds(3);
        fixture.given(FIRST)
                .when(new RecordVerificationCommand(
                        true, false, 100, 2, 90, null, "EVENT_DELETED at position 8: x", started, NOW))
                .expectEvents(new LedgerVerifiedEvent(
                        true, false, 100, 2, 90, null, "EVENT_DELETED at position 8: x", started, NOW));
    }
}
