package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.api.support.LedgerApiTest;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.LossCarrier;
import org.doseledger.core.stock.api.LossDetails;
import org.doseledger.core.stock.api.LossType;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.PoliceReport;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockDestroyedEvent;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.ExportType;
import org.doseledger.projections.export.Form106WorksheetExport;
import org.doseledger.projections.export.Form41WorksheetExport;
import org.doseledger.projections.export.InventorySheetExport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory sheet and the Form 41 and Form 106 worksheets of a fixed scenario, byte for byte: stock
 * movements written as the projection writes them (event JSON by the ledger's mapper), then exported.
 * Two lots are counted for a biennial inventory at the close of business (one opened vial estimated, one
 * expired lot awaiting destruction), a routine count the same day and a biennial count after the export's
 * ledger position stay out; two destructions, the second corrected; a loss in the period and one ten months earlier. A missing
 * golden file is written for review and the test fails.
 */
@LedgerApiTest
// rows written straight into read-model tables, with no events behind them, at fixed positions: a database
// of their own, so that replay tests of the shared ledger and the other golden tests do not meet them
@TestPropertySource(properties = "ledger.test.isolated-context=golden-regulator-forms")
class RegulatorFormsGoldenFileTest {

    private static final PracticeId PRACTICE = PracticeId.of("golden-forms-clinic");
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final long BASE = 9_200_000_000L;
    private static final long UP_TO = BASE + 50;
    private static final String NDC = "42023-0113-10";
    private static final StockLotRef CURRENT = new StockLotRef(PRACTICE, "safe-1", NDC, "K2603");
    private static final StockLotRef EXPIRED = new StockLotRef(PRACTICE, "safe-2", NDC, "OLD25");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier(JacksonConfiguration.LEDGER_MAPPER)
    ObjectMapper ledgerMapper;

    @Autowired
    InventorySheetExport inventorySheet;

    @Autowired
    Form41WorksheetExport form41;

    @Autowired
    Form106WorksheetExport form106;

    @BeforeEach
    void theScenario() {
        if (GoldenExports.registered(jdbc, PRACTICE)) {
            return;
        }
        Instant registered = Instant.parse("2024-01-05T15:00:00Z");
        GoldenExports.registerPractice(jdbc, PRACTICE, "Golden Forms Clinic", "BG1234563", registered);
        jdbc.update(
                "update practice_registry set phone = '2175550100', contact_name = 'Dana Whitfield' where practice_id = ?",
                PRACTICE.value());
        GoldenExports.registerSafe(jdbc, PRACTICE, "safe-1", "Main safe, room 2", registered);
        GoldenExports.registerSafe(jdbc, PRACTICE, "safe-2", "Quarantine safe", registered);
        GoldenExports.registerKetamineVials(jdbc, PRACTICE, NDC, registered);
        for (String[] practitioner :
                new String[][] {{"rn-1", "Joy Nurse, RN"}, {"rn-2", "Kim Nurse, RN"}, {"md-1", "Sam Prescriber, MD"}}) {
            GoldenExports.registerPractitioner(
                    jdbc, PRACTICE, practitioner[0], practitioner[1], "NURSE", null, registered);
        }
        lot(CURRENT, "2027-06-30");
        lot(EXPIRED, "2026-02-28");

        Instant closeOfBusiness = Instant.parse("2026-03-02T23:30:00Z");
        count(10, CURRENT, "count-k2603", CountKind.BIENNIAL, "35.5", "35", false, closeOfBusiness);
        count(11, EXPIRED, "count-old25", CountKind.BIENNIAL, "20", "20", true, closeOfBusiness.plusSeconds(300));
        count(12, CURRENT, "count-routine", CountKind.ROUTINE, "35.5", "35", true, closeOfBusiness.plusSeconds(600));
        movement(
                20,
                EXPIRED,
                "DESTROYED",
                Quantity.of("15", StockUnit.ML),
                new BigDecimal("750"),
                "rn-1",
                "rn-2,md-1",
                new StockDestroyedEvent(
                        EXPIRED,
                        "destruction-1",
                        Quantity.of("15", StockUnit.ML),
                        new BigDecimal("750"),
                        Quantity.of("10", StockUnit.ML),
                        1,
                        Quantity.of("5", StockUnit.ML),
                        "chemical digestion (Rx Destroyer)",
                        "Springfield clinic, room 4",
                        "rn-1",
                        List.of("rn-2", "md-1"),
                        Quantity.of("5", StockUnit.ML),
                        Instant.parse("2026-03-10T16:00:00Z"),
                        null));
        movement(
                21,
                EXPIRED,
                "DESTROYED",
                Quantity.of("5", StockUnit.ML),
                new BigDecimal("250"),
                "rn-2",
                "rn-1,md-1",
                new StockDestroyedEvent(
                        EXPIRED,
                        "destruction-2",
                        Quantity.of("5", StockUnit.ML),
                        new BigDecimal("250"),
                        Quantity.of("10", StockUnit.ML),
                        0,
                        Quantity.of("5", StockUnit.ML),
                        "chemical digestion (Rx Destroyer)",
                        "Springfield clinic, room 4",
                        "rn-2",
                        List.of("rn-1", "md-1"),
                        Quantity.of("0", StockUnit.ML),
                        Instant.parse("2026-03-17T16:00:00Z"),
                        new LateEntry("entered a week late: the witness log was found in the safe", "md-1")));
        movement(
                25,
                EXPIRED,
                "CORRECTED",
                Quantity.of("4", StockUnit.ML),
                null,
                "rn-2",
                null,
                new EntryCorrectedEvent(
                        EXPIRED,
                        "correction-1",
                        "golden-forms-event-21",
                        Movement.DESTROYED,
                        null,
                        Quantity.of("5", StockUnit.ML),
                        Quantity.of("4", StockUnit.ML),
                        Quantity.of("1", StockUnit.ML),
                        Quantity.of("1", StockUnit.ML),
                        "the partial vial held 4 mL, not 5",
                        "rn-2",
                        "md-1",
                        Instant.parse("2026-03-17T17:00:00Z"),
                        null));
        loss(
                5,
                "loss-2025",
                LossType.LOST_IN_TRANSIT,
                null,
                "1",
                Instant.parse("2025-05-12T14:00:00Z"),
                new LossDetails(
                        null,
                        "Sangamon",
                        new BigDecimal("8.40"),
                        new LossCarrier("Midwest Medical Courier", "MMC-77120", LocalDate.parse("2025-05-08"))));
        loss(
                30,
                "loss-1",
                LossType.EMPLOYEE_PILFERAGE,
                new PoliceReport("Springfield PD", "SPD-26-4471", "2175550911"),
                "10",
                Instant.parse("2026-03-13T14:00:00Z"),
                new LossDetails(LocalDate.parse("2026-03-12"), "Sangamon", new BigDecimal("84.00"), null));
        count(60, CURRENT, "count-later", CountKind.BIENNIAL, "25", "25", true, Instant.parse("2026-03-25T23:30:00Z"));
    }

    private void lot(StockLotRef lot, String expiresOn) {
        jdbc.update("""
                insert into stock_lot (practice_id, location_id, ndc, lot_number, substance, unit, milligrams_per_unit,
                                       expires_on, on_hand, last_position)
                values (?, ?, ?, ?, 'KETAMINE', 'ML', 50, ?::date, 0, 0)
                """, PRACTICE.value(), lot.locationId(), lot.ndc(), lot.lotNumber(), expiresOn);
    }

    private void count(
            int position,
            StockLotRef lot,
            String countId,
            CountKind kind,
            String expected,
            String counted,
            boolean exact,
            Instant at) {
        Quantity countedQuantity = Quantity.of(counted, StockUnit.ML);
        Quantity expectedQuantity = Quantity.of(expected, StockUnit.ML);
        movement(
                position,
                lot,
                "COUNTED",
                countedQuantity,
                null,
                "rn-1",
                "rn-2",
                new StockCountedEvent(
                        lot,
                        countId,
                        kind,
                        CountTiming.CLOSE_OF_BUSINESS,
                        countedQuantity,
                        expectedQuantity,
                        countedQuantity.minus(expectedQuantity),
                        exact,
                        "rn-1",
                        "rn-2",
                        at,
                        null));
    }

    private void loss(
            int position,
            String lossId,
            LossType type,
            PoliceReport police,
            String millilitres,
            Instant at,
            LossDetails details) {
        Quantity quantity = Quantity.of(millilitres, StockUnit.ML);
        BigDecimal milligrams = quantity.amount().multiply(new BigDecimal("50"));
        LocalDate discovered = at.atZone(ZONE).toLocalDate();
        movement(
                position,
                CURRENT,
                "LOST",
                quantity,
                milligrams,
                "md-1",
                null,
                new StockLossReportedEvent(
                        CURRENT,
                        lossId,
                        quantity,
                        milligrams,
                        type,
                        police,
                        "vial missing at opening count",
                        "md-1",
                        org.doseledger.core.shared.BusinessDays.nextAfter(discovered),
                        discovered.plusDays(45),
                        Quantity.of("25", StockUnit.ML),
                        at,
                        null,
                        details));
    }

    private void movement(
            int position,
            StockLotRef lot,
            String movement,
            Quantity quantity,
            BigDecimal milligrams,
            String actor,
            String witness,
            LedgerEvent event) {
        jdbc.update(
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, actor, witness,
                                            late_entry, occurred_at, recorded_at, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?::jsonb)
                """,
                BASE + position,
                "golden-forms-event-" + position,
                PRACTICE.value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                movement,
                quantity.amount(),
                milligrams,
                actor,
                witness,
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

    private static ExportQuery query(String recordId) {
        return new ExportQuery(
                PRACTICE,
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"),
                null,
                null,
                recordId,
                ZONE,
                UP_TO);
    }

    private void assertGolden(ExportType type, ExportQuery query) throws IOException {
        List<String> notes = new ArrayList<>(List.of("All storage locations"));
        notes.addAll(type.notes(query));
        GoldenExports.assertGolden(
                transactions, type, query, GoldenExports.header(type, "Golden Forms Clinic", ZONE, notes), type.name());
    }

    @Test
    void theBiennialInventoryNamedByOneOfItsCountsIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(inventorySheet, query("count-old25"));
    }

    @Test
    void anInventoryNamedByItsKindHoldsThatKindsCountsInThePeriod() {
        assertThat(inventorySheet.count(query("BIENNIAL"))).isEqualTo(2);
        assertThat(inventorySheet.count(query("ROUTINE"))).isEqualTo(1);
        assertThat(inventorySheet.notes(query("BIENNIAL")))
                .contains("Biennial inventory taken at the close of business on 2026-03-02");
    }

    private static final PracticeId PARTIAL = PracticeId.of("golden-forms-partial");
    private static final PracticeId EMPTY = PracticeId.of("golden-forms-empty");

    /** A practice with two lots on hand whose biennial inventory counted only one, and one that never held stock. */
    private void aPartialInventoryAndAnEmptyPractice() {
        if (GoldenExports.registered(jdbc, PARTIAL)) {
            return;
        }
        Instant registered = Instant.parse("2024-01-05T15:00:00Z");
        GoldenExports.registerPractice(jdbc, PARTIAL, "Partial Clinic", "BP1234563", registered);
        GoldenExports.registerPractice(jdbc, EMPTY, "New Clinic", "BN1234563", registered);
        GoldenExports.registerSafe(jdbc, PARTIAL, "safe-1", "Main safe", registered);
        GoldenExports.registerKetamineVials(jdbc, PARTIAL, NDC, registered);
        Instant received = Instant.parse("2026-02-20T15:00:00Z");
        onHand(41, "K2603", "50", received);
        onHand(42, "K2604", "35", received.plusSeconds(60));
        StockLotRef counted = new StockLotRef(PARTIAL, "safe-1", NDC, "K2603");
        Quantity fifty = Quantity.of("50", StockUnit.ML);
        jdbc.update(
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, actor, witness,
                                            late_entry, occurred_at, recorded_at, details)
                values (?, ?, ?, 'safe-1', ?, 'K2603', 'COUNTED', 50, null, 0, 'rn-1', 'rn-2', false, ?, ?, ?::jsonb)
                """,
                BASE + 43,
                "golden-partial-43",
                PARTIAL.value(),
                NDC,
                Timestamp.from(Instant.parse("2026-03-02T23:30:00Z")),
                Timestamp.from(Instant.parse("2026-03-02T23:31:00Z")),
                json(new StockCountedEvent(
                        counted,
                        "count-partial",
                        CountKind.BIENNIAL,
                        CountTiming.CLOSE_OF_BUSINESS,
                        fifty,
                        fifty,
                        Quantity.of("0", StockUnit.ML),
                        true,
                        "rn-1",
                        "rn-2",
                        Instant.parse("2026-03-02T23:30:00Z"),
                        null)));
    }

    private void onHand(int position, String lot, String millilitres, Instant at) {
        jdbc.update(
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, actor, late_entry,
                                            occurred_at, recorded_at, details)
                values (?, ?, ?, 'safe-1', ?, ?, 'RECEIVED', ?::numeric, null, ?::numeric, 'rn-1', false, ?, ?, '{}'::jsonb)
                """,
                BASE + position,
                "golden-partial-" + position,
                PARTIAL.value(),
                NDC,
                lot,
                millilitres,
                millilitres,
                Timestamp.from(at),
                Timestamp.from(at.plusSeconds(30)));
    }

    private static ExportQuery query(PracticeId practice, String recordId) {
        return new ExportQuery(
                practice,
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"),
                null,
                null,
                recordId,
                ZONE,
                UP_TO);
    }

    private org.doseledger.projections.export.ReportFooter footer(ExportQuery query) {
        return transactions.execute(status -> {
            try {
                return inventorySheet.write(query, cells -> {});
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anInventoryThatLeavesOutALotOnHandIsNotCertifiedAndNamesTheLot() {
        aPartialInventoryAndAnEmptyPractice();
        ExportQuery query = query(PARTIAL, "count-partial");

        org.doseledger.projections.export.ReportFooter footer = footer(query);

        assertThat(footer.signature()).isNull();
        String missing = "NOT CERTIFIED: 1 lot on hand at the inventory's last count and not counted:"
                + " Main safe: NDC 42023-0113-10 lot K2604 (35 mL)";
        assertThat(footer.totals()).contains(missing);
        assertThat(inventorySheet.notes(query)).contains(missing);
    }

    @Test
    void anEmptyInventoryIsNotCertified() {
        aPartialInventoryAndAnEmptyPractice();

        assertThat(footer(query(PARTIAL, "no-such-count")).signature()).isNull();
        assertThat(footer(query(EMPTY, "BIENNIAL")).signature()).isNull();
        assertThat(footer(query(EMPTY, "BIENNIAL")).totals())
                .contains("NOT CERTIFIED: no count of this inventory is in the ledger");
    }

    @Test
    void anInitialInventoryOfZeroIsCertifiedOnlyWhenNothingWasOnHand() {
        aPartialInventoryAndAnEmptyPractice();

        org.doseledger.projections.export.ReportFooter zero = footer(query(EMPTY, "INITIAL"));
        assertThat(zero.signature()).isNotNull();
        assertThat(zero.signature().meaning())
                .isEqualTo("I certify that at the opening of business on 2026-03-01 the registrant held no controlled"
                        + " substances: an initial inventory of zero (21 CFR 1304.11(b))");
        assertThat(inventorySheet.notes(query(EMPTY, "INITIAL")))
                .containsExactly(
                        "Initial inventory of zero: no controlled substances on hand at the opening of business on"
                                + " 2026-03-01");

        org.doseledger.projections.export.ReportFooter notZero = footer(query(PARTIAL, "INITIAL"));
        assertThat(notZero.signature()).isNull();
        assertThat(notZero.totals().get(notZero.totals().size() - 1)).contains("K2603 (50 mL)", "K2604 (35 mL)");
    }

    @Test
    void anUnknownCountGivesAnEmptySheetThatSaysSo() {
        assertThat(inventorySheet.count(query("no-such-count"))).isZero();
        assertThat(inventorySheet.notes(query("no-such-count")))
                .containsExactly("No count matches no-such-count in the ledger up to this export's position");
    }

    @Test
    void theForm41WorksheetOfThePeriodIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(form41, query(null));
    }

    @Test
    void aForm41WorksheetForOneDestructionHoldsOnlyIt() {
        assertThat(form41.count(query("destruction-2"))).isEqualTo(1);
    }

    @Test
    void theForm106WorksheetOfThePeriodIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(form106, query(null));
    }

    @Test
    void aForm106WorksheetForOneLossHoldsItWhateverThePeriod() {
        assertThat(form106.count(query("loss-2025"))).isEqualTo(1);
        assertThat(form106.notes(query("loss-1")))
                .contains("Earliest deadlines here: notice by 2026-03-16, Form 106 by 2026-04-27");
    }
}
