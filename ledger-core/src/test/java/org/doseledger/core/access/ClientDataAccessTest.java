package org.doseledger.core.access;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.access.api.ClientDataAccessedEvent;
import org.doseledger.core.access.api.PurposeOfUse;
import org.doseledger.core.access.api.RecordClientDataAccessCommand;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.Test;

class ClientDataAccessTest {

    private static final PracticeId PRACTICE = PracticeId.of("springfield");
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
    private static final String TIMELINE = "GET /api/practices/{practiceId}/clients/{clientId}/timeline";

    private final FixtureConfiguration<ClientDataAccess> fixture = new AggregateTestFixture<>(ClientDataAccess.class);

    @Test
    void canRecordAReadOfOneClient() {
        fixture.givenNoPriorActivity()
                .when(new RecordClientDataAccessCommand(
                        "a-1",
                        PRACTICE,
                        "key-1",
                        Role.COMPLIANCE_OFFICER,
                        "c-1",
                        AccessKind.READ,
                        TIMELINE,
                        Map.of("limit", "100"),
                        PurposeOfUse.AUDIT,
                        NOW))
                .expectEvents(new ClientDataAccessedEvent(
                        PRACTICE,
                        "a-1",
                        "key-1",
                        Role.COMPLIANCE_OFFICER,
                        "c-1",
                        AccessKind.READ,
                        TIMELINE,
                        Map.of("limit", "100"),
                        PurposeOfUse.AUDIT,
                        NOW));
    }

    @Test
    void canRecordALedgerWideExportWithoutPracticeOrClient() {
        fixture.givenNoPriorActivity()
                .when(new RecordClientDataAccessCommand(
                        "a-2",
                        null,
                        "admin-1",
                        Role.ADMIN,
                        null,
                        AccessKind.EXPORT,
                        "GET /api/admin/ledger/bundle",
                        Map.of(),
                        null,
                        NOW))
                .expectEvents(new ClientDataAccessedEvent(
                        null,
                        "a-2",
                        "admin-1",
                        Role.ADMIN,
                        null,
                        AccessKind.EXPORT,
                        "GET /api/admin/ledger/bundle",
                        Map.of(),
                        null,
                        NOW));
    }
}
