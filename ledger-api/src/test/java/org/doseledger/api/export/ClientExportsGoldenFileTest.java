package org.doseledger.api.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.api.support.LedgerApiTest;
import org.doseledger.core.client.api.ClientAddressChangedEvent;
import org.doseledger.core.client.api.ClientEnrolledInRemsEvent;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.DosingSessionScheduledEvent;
import org.doseledger.core.session.api.DosingSessionStartedEvent;
import org.doseledger.core.session.api.ObservationKind;
import org.doseledger.core.session.api.ObservationRecordedEvent;
import org.doseledger.core.session.api.RemsFormSubmittedEvent;
import org.doseledger.core.session.api.Severity;
import org.doseledger.core.session.api.VitalsRecordedEvent;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.export.ClientRecordExport;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.ExportType;
import org.doseledger.projections.export.RemsMonitoringExport;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The client record and the REMS monitoring data of a fixed scenario, byte for byte: timeline and stock
 * rows written as the projections write them (event JSON by the ledger's mapper, client data sealed with
 * real keys), then exported. Two esketamine sessions: Ada's complete one, with a dose corrected later,
 * and the shredded Alan's, whose end-of-monitoring reading and REMS form are missing. Events after the
 * export's ledger position are left out. A missing golden file is written for review and the test fails.
 */
@LedgerApiTest
// rows written straight into read-model tables, with no events behind them, at fixed positions: a database
// of their own, so that replay tests of the shared ledger and the other golden tests do not meet them
@TestPropertySource(properties = "ledger.test.isolated-context=golden-client-records")
class ClientExportsGoldenFileTest {

    private static final PracticeId PRACTICE = PracticeId.of("golden-records");
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final long BASE = 9_200_000_000L;
    private static final long UP_TO = BASE + 50;
    private static final StockLotRef LOT = new StockLotRef(PRACTICE, "safe-1", "50458-028-02", "SPR-7");
    private static final Instant ADA_START = Instant.parse("2026-03-09T15:00:00Z");
    private static final Instant ALAN_START = Instant.parse("2026-03-12T16:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientDataKeys keys;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier(JacksonConfiguration.LEDGER_MAPPER)
    ObjectMapper ledgerMapper;

    @Autowired
    ClientRecordExport clientRecord;

    @Autowired
    RemsMonitoringExport remsMonitoring;

    @BeforeEach
    void theScenario() {
        if (GoldenExports.registered(jdbc, PRACTICE)) {
            return;
        }
        Instant registered = Instant.parse("2026-01-05T15:00:00Z");
        GoldenExports.registerPractice(jdbc, PRACTICE, "Golden Records Clinic", "BG1234563", registered);
        GoldenExports.registerSafe(jdbc, PRACTICE, "safe-1", "Main safe, room 2", registered);
        jdbc.update(
                "update location_registry set rems_setting_id = 'SPR-HCS-10442' where practice_id = ?",
                PRACTICE.value());
        GoldenExports.registerPractitioner(jdbc, PRACTICE, "rn-1", "Joy Nurse, RN", "NURSE", null, registered);
        GoldenExports.registerPractitioner(
                jdbc, PRACTICE, "md-1", "Sam Prescriber, MD", "PRESCRIBER", "BJ6125341", registered);
        transactions.executeWithoutResult(status -> {
            client(1, "c-ada", new PersonName("Ada", "King", "Lovelace"), "12 Elm St");
            client(2, "c-alan", new PersonName("Alan", null, "Turing"), "1 Bletchley Pk");
            // session free text is sealed under each client's key while it exists
            for (String clientId : List.of("c-ada", "c-alan")) {
                ClientRef client = new ClientRef(PRACTICE, clientId);
                sealedText.put(
                        clientId + "/description",
                        keys.seal(client, "description", "dissociation, \"floaty\"; resolved by 90 min"));
                sealedText.put(clientId + "/actionTaken", keys.seal(client, "actionTaken", "reassured, dimmed lights"));
                sealedText.put(clientId + "/escort", keys.seal(client, "escort", "spouse"));
            }
            // both enrolled in the Spravato REMS; Alan's id goes with his data key
            timeline(
                    4,
                    "c-ada",
                    null,
                    null,
                    new ClientEnrolledInRemsEvent(
                            PRACTICE,
                            "c-ada",
                            keys.seal(new ClientRef(PRACTICE, "c-ada"), "enrolmentId", "SPR-PT-0042917"),
                            Instant.parse("2026-03-01T16:00:00Z")));
            timeline(
                    5,
                    "c-alan",
                    null,
                    null,
                    new ClientEnrolledInRemsEvent(
                            PRACTICE,
                            "c-alan",
                            keys.seal(new ClientRef(PRACTICE, "c-alan"), "enrolmentId", "SPR-PT-0042918"),
                            Instant.parse("2026-03-01T16:00:00Z")));
            keys.shred(new ClientRef(PRACTICE, "c-alan"));
            ClientRef ada = new ClientRef(PRACTICE, "c-ada");
            timeline(
                    3,
                    "c-ada",
                    null,
                    null,
                    new ClientAddressChangedEvent(
                            PRACTICE,
                            "c-ada",
                            keys.seal(
                                    ada,
                                    "address",
                                    new PostalAddress("9 Harbor Rd", "Unit 1", "Chicago", "IL", "60601")),
                            Instant.parse("2026-03-02T15:00:00Z")));
        });
        session(10, "c-ada", "s-1", ADA_START, true, true);
        session(30, "c-alan", "s-2", ALAN_START, false, false);
        // after the export's ledger position: neither export shows it
        timeline(
                60,
                "c-ada",
                "rn-1",
                null,
                new RemsFormSubmittedEvent(
                        PRACTICE,
                        "s-1",
                        "c-ada",
                        "REMS-LATE",
                        false,
                        false,
                        false,
                        true,
                        true,
                        100,
                        "rn-1",
                        Instant.parse("2026-03-20T15:00:00Z")));
        timeline(
                61,
                "c-alan",
                "rn-1",
                null,
                new RemsFormSubmittedEvent(
                        PRACTICE,
                        "s-2",
                        "c-alan",
                        "REMS-0002",
                        false,
                        false,
                        false,
                        true,
                        true,
                        100,
                        "rn-1",
                        Instant.parse("2026-03-13T15:00:00Z")));
    }

    /** An esketamine session: scheduled, started, vitals, a dose of 56 mg, observation, discharge, form. */
    private void session(
            int position, String clientId, String sessionId, Instant start, boolean complete, boolean corrected) {
        timeline(
                position,
                clientId,
                null,
                null,
                new DosingSessionScheduledEvent(
                        PRACTICE, sessionId, clientId, Substance.ESKETAMINE, start, start.minusSeconds(86_400)));
        timeline(
                position + 1,
                clientId,
                "rn-1",
                null,
                new DosingSessionStartedEvent(PRACTICE, sessionId, clientId, "safe-1", "rn-1", start));
        vitals(position + 2, clientId, sessionId, 128, 82, start.minusSeconds(300));
        DoseAdministeredEvent dose = new DoseAdministeredEvent(
                LOT,
                "draw-" + sessionId,
                Quantity.of("2", StockUnit.EACH),
                new BigDecimal("56"),
                Route.INTRANASAL,
                clientId,
                sessionId,
                "rn-1",
                Quantity.of("0", StockUnit.EACH),
                start.plusSeconds(120),
                null,
                List.of(),
                null);
        timeline(position + 3, clientId, "rn-1", null, dose);
        movement(position + 3, clientId, "ADMINISTERED", new BigDecimal("56"), dose);
        vitals(position + 4, clientId, sessionId, 141, 90, start.plusSeconds(35 * 60));
        vitals(position + 5, clientId, sessionId, 138, 88, start.plusSeconds(42 * 60));
        timeline(
                position + 6,
                clientId,
                "rn-1",
                null,
                new ObservationRecordedEvent(
                        PRACTICE,
                        sessionId,
                        clientId,
                        ObservationKind.ADVERSE_EVENT,
                        Severity.MILD,
                        sealedText.get(clientId + "/description"),
                        sealedText.get(clientId + "/actionTaken"),
                        "rn-1",
                        start.plusSeconds(50 * 60)));
        Instant discharge = start.plusSeconds(130 * 60);
        if (complete) {
            vitals(position + 7, clientId, sessionId, 122, 80, discharge.minusSeconds(600));
        }
        timeline(
                position + 8,
                clientId,
                "rn-1",
                null,
                new ClientDischargedEvent(
                        PRACTICE,
                        sessionId,
                        clientId,
                        true,
                        sealedText.get(clientId + "/escort"),
                        "rn-1",
                        LocalDate.ofInstant(discharge, ZONE).plusDays(7),
                        discharge));
        if (complete) {
            timeline(
                    position + 9,
                    clientId,
                    "rn-1",
                    null,
                    new RemsFormSubmittedEvent(
                            PRACTICE,
                            sessionId,
                            clientId,
                            "REMS-0001",
                            true,
                            true,
                            false,
                            true,
                            true,
                            95,
                            "rn-1",
                            discharge.plusSeconds(3600)));
        }
        if (corrected) {
            timeline(
                    position + 10,
                    clientId,
                    "rn-1",
                    "golden-records-" + (position + 3),
                    new EntryCorrectedEvent(
                            LOT,
                            "corr-" + sessionId,
                            "golden-records-" + (position + 3),
                            Movement.ADMINISTERED,
                            "draw-" + sessionId,
                            Quantity.of("2", StockUnit.EACH),
                            Quantity.of("3", StockUnit.EACH),
                            Quantity.of("-1", StockUnit.EACH),
                            Quantity.of("5", StockUnit.EACH),
                            "three devices used, two entered",
                            "rn-1",
                            "md-1",
                            start.plusSeconds(4 * 3600),
                            null));
        }
    }

    /** Session free text, sealed before a client's key is shredded, by client id and field. */
    private final java.util.Map<String, org.doseledger.core.shared.SealedPersonalData> sealedText =
            new java.util.HashMap<>();

    private void vitals(int position, String clientId, String sessionId, int systolic, int diastolic, Instant at) {
        timeline(
                position,
                clientId,
                "rn-1",
                null,
                new VitalsRecordedEvent(PRACTICE, sessionId, clientId, systolic, diastolic, 72, 98, "rn-1", at));
    }

    private void client(int position, String clientId, PersonName name, String street) {
        ClientRef client = new ClientRef(PRACTICE, clientId);
        timeline(
                position,
                clientId,
                null,
                null,
                new ClientRegisteredEvent(
                        PRACTICE,
                        clientId,
                        keys.seal(client, "legalName", name),
                        keys.seal(client, "dateOfBirth", LocalDate.parse("1985-12-10")),
                        keys.seal(client, "address", new PostalAddress(street, null, "Springfield", "IL", "62702")),
                        Instant.parse("2026-03-01T15:00:00Z")));
    }

    private void timeline(
            int position, String clientId, String practitionerId, String correctsEventId, LedgerEvent event) {
        jdbc.update(
                """
                insert into client_timeline (ledger_position, event_id, practice_id, client_id, event_type, occurred_at,
                                             recorded_at, credential_id, practitioner_id, request_id, details,
                                             corrects_event_id)
                values (?, ?, ?, ?, ?, ?, ?, 'key-rn-1', ?, ?, ?::jsonb, ?)
                """,
                BASE + position,
                "golden-records-" + position,
                PRACTICE.value(),
                clientId,
                event.getClass().getSimpleName().replaceFirst("Event$", ""),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(event.occurredAt().plusSeconds(5)),
                practitionerId,
                "req-" + position,
                json(event),
                correctsEventId);
    }

    private void movement(int position, String clientId, String movement, BigDecimal milligrams, LedgerEvent event) {
        jdbc.update(
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, client_id, actor,
                                            late_entry, occurred_at, recorded_at, details)
                values (?, ?, ?, ?, ?, ?, ?, 2, ?, 0, ?, 'rn-1', false, ?, ?, ?::jsonb)
                """,
                BASE + position,
                "golden-records-" + position,
                PRACTICE.value(),
                LOT.locationId(),
                LOT.ndc(),
                LOT.lotNumber(),
                movement,
                milligrams,
                clientId,
                Timestamp.from(event.occurredAt()),
                Timestamp.from(event.occurredAt().plusSeconds(30)),
                json(event));
    }

    private String json(Object event) {
        try {
            return ledgerMapper.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertGolden(ExportType type, String clientId, String file) throws IOException {
        ExportQuery query = new ExportQuery(
                PRACTICE,
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"),
                null,
                clientId,
                null,
                ZONE,
                UP_TO);
        GoldenExports.assertGolden(
                transactions,
                type,
                query,
                GoldenExports.header(type, "Golden Records Clinic", ZONE, List.of("All storage locations")),
                file);
    }

    @Test
    void adasClientRecordIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(clientRecord, "c-ada", "client-record");
    }

    @Test
    void aShreddedClientsRecordReadsShredded() throws IOException {
        assertGolden(clientRecord, "c-alan", "client-record-shredded");
    }

    @Test
    void theRemsMonitoringDataOfTheScenarioIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(remsMonitoring, null, "rems-monitoring");
    }
}
