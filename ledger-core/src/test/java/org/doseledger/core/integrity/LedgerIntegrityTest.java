package org.doseledger.core.integrity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.integrity.api.ActivateSigningKeyCommand;
import org.doseledger.core.integrity.api.EndorseSigningKeyCommand;
import org.doseledger.core.integrity.api.LedgerVerifiedEvent;
import org.doseledger.core.integrity.api.ReadModelDivergedEvent;
import org.doseledger.core.integrity.api.ReadModelRepairedEvent;
import org.doseledger.core.integrity.api.RecordReadModelReconciliationCommand;
import org.doseledger.core.integrity.api.RecordSealingStatusCommand;
import org.doseledger.core.integrity.api.RecordVerificationCommand;
import org.doseledger.core.integrity.api.SealingHaltedEvent;
import org.doseledger.core.integrity.api.SealingResumedEvent;
import org.doseledger.core.integrity.api.SigningKeyActivatedEvent;
import org.doseledger.core.integrity.api.SigningKeyEndorsedEvent;
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
    void aNewKeyIsEndorsedByThePreviousOne() {
        fixture.given(FIRST)
                .when(new EndorseSigningKeyCommand(
                        "bbbb000011112222", "MCowBQYDK2VwAyEAsecond", "aaaa000011112222", "c2lnbmF0dXJl"))
                .expectEvents(new SigningKeyEndorsedEvent(
                        "bbbb000011112222", "MCowBQYDK2VwAyEAsecond", "aaaa000011112222", "c2lnbmF0dXJl", NOW));
    }

    @Test
    void theSameEndorsementAtEveryRestartIsRecordedOnce() {
        fixture.given(
                        FIRST,
                        new SigningKeyEndorsedEvent(
                                "bbbb000011112222", "MCowBQYDK2VwAyEAsecond", "aaaa000011112222", "c2lnbmF0dXJl", NOW))
                .when(new EndorseSigningKeyCommand(
                        "bbbb000011112222", "MCowBQYDK2VwAyEAsecond", "aaaa000011112222", "c2lnbmF0dXJl"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
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

    @Test
    void aReadModelFoundToDivergeIsRecorded() {
        fixture.given(FIRST)
                .when(new RecordReadModelReconciliationCommand(
                        "audit-trail", false, 900, 3, "audit-trail: 3 MISSING in audit_trail", NOW))
                .expectEvents(new ReadModelDivergedEvent(
                        "audit-trail", 900, 3, "audit-trail: 3 MISSING in audit_trail", NOW));
    }

    @Test
    void aDivergenceFoundAgainIsNotRecordedTwice() {
        fixture.given(FIRST, new ReadModelDivergedEvent("audit-trail", 900, 3, "3 MISSING", NOW))
                .when(new RecordReadModelReconciliationCommand("audit-trail", false, 950, 3, "3 MISSING", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDivergedReadModelFoundConsistentAgainIsRecordedAsRepaired() {
        fixture.given(FIRST, new ReadModelDivergedEvent("audit-trail", 900, 3, "3 MISSING", NOW))
                .when(new RecordReadModelReconciliationCommand("audit-trail", true, 990, 0, "consistent", NOW))
                .expectEvents(new ReadModelRepairedEvent("audit-trail", 990, NOW));
    }

    @Test
    void aConsistentReadModelIsNotRecordedAtEveryReconciliation() {
        fixture.given(FIRST)
                .when(new RecordReadModelReconciliationCommand("audit-trail", true, 990, 0, "consistent", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void divergencesAreTrackedPerReadModel() {
        fixture.given(FIRST, new ReadModelDivergedEvent("audit-trail", 900, 3, "3 MISSING", NOW))
                .when(new RecordReadModelReconciliationCommand("stock-lots", false, 900, 1, "1 MISSING", NOW))
                .expectEvents(new ReadModelDivergedEvent("stock-lots", 900, 1, "1 MISSING", NOW));
    }

    @Test
    void sealingThatHaltsIsRecordedOnceWithItsReason() {
        fixture.given(FIRST)
                .when(new RecordSealingStatusCommand(true, "HISTORY_REWRITTEN: root differs", NOW))
                .expectEvents(new SealingHaltedEvent("HISTORY_REWRITTEN: root differs", NOW));
        fixture.given(FIRST, new SealingHaltedEvent("HISTORY_REWRITTEN: root differs", NOW))
                .when(new RecordSealingStatusCommand(true, "HISTORY_REWRITTEN: root differs", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void sealingThatWorksAgainIsRecordedAsResumed() {
        fixture.given(FIRST, new SealingHaltedEvent("stalled", NOW))
                .when(new RecordSealingStatusCommand(false, null, NOW))
                .expectEvents(new SealingResumedEvent(NOW));
        fixture.given(FIRST)
                .when(new RecordSealingStatusCommand(false, null, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
