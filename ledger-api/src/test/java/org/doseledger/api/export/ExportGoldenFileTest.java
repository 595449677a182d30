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
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.PaymentType;
import org.doseledger.core.stock.api.Prescription;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.Supplier;
import org.doseledger.projections.export.DispensingRecordExport;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.ExportType;
import org.doseledger.projections.export.ReceiptsLogExport;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispensing record and receipts log of a fixed scenario, byte for byte: read-model rows written as
 * the projections write them (event JSON by the ledger's mapper, client data sealed with real keys), then
 * exported. A movement after the export's ledger position is left out; a shredded client reads SHREDDED.
 * A missing golden file is written for review and the test fails.
 */
@LedgerApiTest
// rows written straight into read-model tables, with no events behind them, at fixed positions: a database
// of their own, so that replay tests of the shared ledger and the other golden tests do not meet them
@TestPropertySource(properties = "ledger.test.isolated-context=golden-stock-records")
class ExportGoldenFileTest {

    private static final PracticeId PRACTICE = PracticeId.of("golden-clinic");
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final long BASE = 9_100_000_000L;
    private static final long UP_TO = BASE + 50;
    private static final StockLotRef LOT = new StockLotRef(PRACTICE, "safe-1", "42023-0113-10", "K2603");
    private static final PostalAddress SUPPLIER_ADDRESS =
            new PostalAddress("135 Duryea Rd", null, "Melville", "NY", "11747");

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
    DispensingRecordExport dispensingRecord;

    @Autowired
    ReceiptsLogExport receiptsLog;

    @BeforeEach
    void theScenario() {
        if (GoldenExports.registered(jdbc, PRACTICE)) {
            return;
        }
        Instant registered = Instant.parse("2026-01-05T15:00:00Z");
        GoldenExports.registerPractice(jdbc, PRACTICE, "Golden Ketamine Clinic", "BG1234563", registered);
        GoldenExports.registerSafe(jdbc, PRACTICE, "safe-1", "Main safe, room 2", registered);
        GoldenExports.registerKetamineVials(jdbc, PRACTICE, "42023-0113-10", registered);
        GoldenExports.registerPractitioner(jdbc, PRACTICE, "rn-1", "Joy Nurse, RN", "NURSE", null, registered);
        GoldenExports.registerPractitioner(
                jdbc, PRACTICE, "md-1", "Sam Prescriber, MD", "PRESCRIBER", "BJ6125341", registered);
        transactions.executeWithoutResult(status -> {
            client(1, "c-ada", new PersonName("Ada", "King", "Lovelace"), "12 Elm St");
            client(2, "c-grace", new PersonName("Grace", null, "Hopper"), "7 Navy Way, Apt 3");
            address(3, "c-grace", "9 Harbor \"Blue\" Rd, Unit 1");
            client(4, "c-alan", new PersonName("Alan", null, "Turing"), "1 Bletchley Pk");
            keys.shred(new ClientRef(PRACTICE, "c-alan"));
        });
        Quantity vial = Quantity.of("10", StockUnit.ML);
        movement(
                10,
                "RECEIVED",
                Quantity.of("50", StockUnit.ML),
                new BigDecimal("2500"),
                null,
                "rn-1",
                new StockReceivedEvent(
                        LOT,
                        "r-1",
                        Substance.KETAMINE,
                        new Strength(new BigDecimal("50"), StockUnit.ML),
                        LocalDate.parse("2027-06-30"),
                        5,
                        vial,
                        Quantity.of("50", StockUnit.ML),
                        new BigDecimal("2500"),
                        new Supplier("Henry Schein, Inc.", SUPPLIER_ADDRESS, "AB1234563"),
                        "INV-2026-0301",
                        "rn-1",
                        Quantity.of("50", StockUnit.ML),
                        Instant.parse("2026-03-02T15:00:00Z"),
                        null));
        movement(
                20,
                "ADMINISTERED",
                Quantity.of("1.5", StockUnit.ML),
                new BigDecimal("75.0"),
                "c-ada",
                "rn-1",
                new DoseAdministeredEvent(
                        LOT,
                        "d-1",
                        Quantity.of("1.5", StockUnit.ML),
                        new BigDecimal("75.0"),
                        Route.IM,
                        "c-ada",
                        "s-1",
                        "rn-1",
                        Quantity.of("0", StockUnit.ML),
                        Instant.parse("2026-03-09T16:30:00Z"),
                        null,
                        List.of(),
                        null));
        movement(
                21,
                "DISPENSED",
                Quantity.of("2.0", StockUnit.ML),
                new BigDecimal("100.0"),
                "c-grace",
                "rn-1",
                new DoseDispensedEvent(
                        LOT,
                        "disp-1",
                        Quantity.of("2.0", StockUnit.ML),
                        new BigDecimal("100.0"),
                        Route.SUBLINGUAL,
                        "c-grace",
                        "md-1",
                        "rn-1",
                        7,
                        true,
                        Quantity.of("46.5", StockUnit.ML),
                        Instant.parse("2026-03-10T22:05:00Z"),
                        new LateEntry("tablet offline, entered next morning", "md-1"),
                        new Prescription("RX-2026-0031", LocalDate.parse("2026-03-09"), 1, PaymentType.PRIVATE_PAY)));
        movement(
                22,
                "ADMINISTERED",
                Quantity.of("1.0", StockUnit.ML),
                new BigDecimal("50.0"),
                "c-alan",
                "rn-1",
                new DoseAdministeredEvent(
                        LOT,
                        "d-2",
                        Quantity.of("1.0", StockUnit.ML),
                        new BigDecimal("50.0"),
                        Route.IM,
                        "c-alan",
                        "s-2",
                        "rn-1",
                        Quantity.of("0", StockUnit.ML),
                        Instant.parse("2026-03-16T15:00:00Z"),
                        null,
                        List.of(),
                        null));
        String ada = jdbc.queryForObject(
                "select event_id from stock_movement where ledger_position = ?", String.class, BASE + 20);
        movement(
                23,
                "CORRECTED",
                Quantity.of("1.2", StockUnit.ML),
                null,
                null,
                "rn-1",
                new EntryCorrectedEvent(
                        LOT,
                        "corr-1",
                        ada,
                        Movement.ADMINISTERED,
                        "d-1",
                        Quantity.of("1.5", StockUnit.ML),
                        Quantity.of("1.2", StockUnit.ML),
                        Quantity.of("0", StockUnit.ML),
                        Quantity.of("46.5", StockUnit.ML),
                        "syringe read 1.2 mL, entered 1.5",
                        "rn-1",
                        "md-1",
                        Instant.parse("2026-03-09T17:00:00Z"),
                        null));
        movement(
                60,
                "ADMINISTERED",
                Quantity.of("1.0", StockUnit.ML),
                new BigDecimal("50.0"),
                "c-ada",
                "rn-1",
                new DoseAdministeredEvent(
                        LOT,
                        "d-3",
                        Quantity.of("1.0", StockUnit.ML),
                        new BigDecimal("50.0"),
                        Route.IM,
                        "c-ada",
                        "s-3",
                        "rn-1",
                        Quantity.of("0", StockUnit.ML),
                        Instant.parse("2026-03-20T15:00:00Z"),
                        null,
                        List.of(),
                        null));
    }

    private void client(int position, String clientId, PersonName name, String street) {
        ClientRef client = new ClientRef(PRACTICE, clientId);
        timeline(
                position,
                clientId,
                "ClientRegistered",
                new ClientRegisteredEvent(
                        PRACTICE,
                        clientId,
                        keys.seal(client, "legalName", name),
                        keys.seal(client, "dateOfBirth", LocalDate.parse("1985-12-10")),
                        keys.seal(client, "address", new PostalAddress(street, null, "Springfield", "IL", "62702")),
                        Instant.parse("2026-02-01T15:00:00Z")));
    }

    private void address(int position, String clientId, String street) {
        ClientRef client = new ClientRef(PRACTICE, clientId);
        timeline(
                position,
                clientId,
                "ClientAddressChanged",
                new ClientAddressChangedEvent(
                        PRACTICE,
                        clientId,
                        keys.seal(client, "address", new PostalAddress(street, null, "Chicago", "IL", "60601")),
                        Instant.parse("2026-02-15T15:00:00Z")));
    }

    private void timeline(int position, String clientId, String type, LedgerEvent event) {
        jdbc.update(
                """
                insert into client_timeline (ledger_position, event_id, practice_id, client_id, event_type, occurred_at,
                                             recorded_at, details)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                """,
                BASE + position,
                "golden-event-" + position,
                PRACTICE.value(),
                clientId,
                type,
                Timestamp.from(event.occurredAt()),
                Timestamp.from(event.occurredAt().plusSeconds(5)),
                json(event));
    }

    private void movement(
            int position,
            String movement,
            Quantity quantity,
            BigDecimal milligrams,
            String clientId,
            String actor,
            LedgerEvent event) {
        jdbc.update(
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, client_id, actor,
                                            late_entry, occurred_at, recorded_at, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?::jsonb)
                """,
                BASE + position,
                "golden-event-" + position,
                PRACTICE.value(),
                LOT.locationId(),
                LOT.ndc(),
                LOT.lotNumber(),
                movement,
                quantity == null ? null : quantity.amount(),
                milligrams,
                clientId,
                actor,
                json(event).contains("\"lateEntry\":{"),
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

    private void assertGolden(ExportType type) throws IOException {
        ExportQuery query = new ExportQuery(
                PRACTICE, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), null, null, null, ZONE, UP_TO);
        GoldenExports.assertGolden(
                transactions,
                type,
                query,
                GoldenExports.header(type, "Golden Ketamine Clinic", ZONE, List.of("All storage locations")),
                type.name());
    }

    @Test
    void theDispensingRecordOfTheScenarioIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(dispensingRecord);
    }

    @Test
    void aCorrectionCarriesItsMilligramsNamesTheEntryItCorrectsAndCountsInTheTotals() {
        ExportQuery query = new ExportQuery(
                PRACTICE, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), null, null, null, ZONE, UP_TO);
        List<List<Object>> rows = new java.util.ArrayList<>();
        org.doseledger.projections.export.ReportFooter footer = transactions.execute(status -> {
            try {
                return dispensingRecord.write(query, rows::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> keys = dispensingRecord.columns().stream()
                .map(org.doseledger.projections.export.ReportColumn::key)
                .toList();
        List<Object> correction = rows.stream()
                .filter(row -> "CORRECTION".equals(row.get(keys.indexOf("entryType"))))
                .findFirst()
                .orElseThrow();

        org.assertj.core.api.Assertions.assertThat((BigDecimal) correction.get(keys.indexOf("milligrams")))
                .isEqualByComparingTo("60");
        org.assertj.core.api.Assertions.assertThat((BigDecimal) correction.get(keys.indexOf("milligramsChange")))
                .isEqualByComparingTo("-15");
        org.assertj.core.api.Assertions.assertThat((String) correction.get(keys.indexOf("correctsEntry")))
                .isEqualTo("ADMINISTERED of 2026-03-09 11:30:00 CDT, draw d-1: 1.5 mL, 75.0 mg");
        org.assertj.core.api.Assertions.assertThat(footer.totals())
                .contains("ADMINISTERED KETAMINE mg: 110.0 after corrections (125.0 as first recorded, -15.0 by"
                        + " corrections)")
                .contains("DISPENSED KETAMINE mg: 100.0");
    }

    @Test
    void aLateEntryShowsItsReasonAndCoSignerAndAPrescriberIsNamed() throws IOException {
        String csv = GoldenExports.assertGolden(
                transactions,
                dispensingRecord,
                new ExportQuery(
                        PRACTICE,
                        LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2026-03-31"),
                        null,
                        null,
                        null,
                        ZONE,
                        UP_TO),
                GoldenExports.header(
                        dispensingRecord, "Golden Ketamine Clinic", ZONE, List.of("All storage locations")),
                dispensingRecord.name());

        org.assertj.core.api.Assertions.assertThat(csv)
                .contains("\"tablet offline, entered next morning\",\"Sam Prescriber, MD\"")
                .contains(",md-1,");
        org.assertj.core.api.Assertions.assertThat(
                        // a line wraps between words: read the print as one line
                        java.nio.file.Files.readString(GoldenExports.GOLDEN.resolve("dispensing-record.pdf.txt"))
                                .replaceAll("\\s+", " "))
                .contains("Sam Prescriber, MD")
                .contains("tablet offline, entered")
                .contains("1.5 mL", "75.0 mg", "2026-03-09 11:30:00 CDT")
                .doesNotContain("md-1")
                .doesNotContain("T11:30:00");
    }

    @Test
    void theReceiptsLogOfTheScenarioIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(receiptsLog);
    }
}
