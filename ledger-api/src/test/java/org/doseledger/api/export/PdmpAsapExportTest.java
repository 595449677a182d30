package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.api.support.LedgerApiTest;
import org.doseledger.core.client.api.ClientContactUpdatedEvent;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.export.api.PdmpFileRecord;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.PaymentType;
import org.doseledger.core.stock.api.Prescription;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.export.CsvReportSink;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.PdmpAsapExport;
import org.doseledger.projections.export.ReportFooter;
import org.doseledger.projections.export.ReportHeader;
import org.doseledger.projections.export.pdmp.Asap42Validator;
import org.doseledger.projections.export.pdmp.AsapElementMissingException;
import org.doseledger.projections.export.pdmp.AsapStateProfile;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PDMP export of a fixed scenario, byte for byte, and every file it writes passes the structural
 * ASAP validator. March: two new records, a non-reportable dispensing and an administration left out, a
 * dispensing corrected in March reported with its corrected quantity, one struck in March not at all.
 * March's file is accepted by the state before April's corrections. April: a revise and a void of March's
 * records (the state holds them), a new record, and a dispensing after the export's ledger position left out. May: a zero report. A missing golden file is written for review and the test fails.
 */
@LedgerApiTest
// rows written straight into read-model tables, with no events behind them, at fixed positions: a database
// of their own, so that replay tests of the shared ledger and the other golden tests do not meet them
@TestPropertySource(properties = "ledger.test.isolated-context=golden-pdmp")
class PdmpAsapExportTest {

    private static final PracticeId PRACTICE = PracticeId.of("pdmp-clinic");
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final long BASE = 9_200_000_000L;
    private static final long UP_TO = BASE + 50;
    /** Where March's file was cut; the state accepted it at {@link #MARCH_ACCEPTED}, before April's corrections. */
    private static final long MARCH_AT = BASE + 30;

    private static final long MARCH_ACCEPTED = BASE + 35;
    /** April's file is cut at {@link #UP_TO} and accepted here; May's is cut after that. */
    private static final long APRIL_ACCEPTED = BASE + 55;

    private static final long MAY_AT = BASE + 60;
    private static final StockLotRef LOT = new StockLotRef(PRACTICE, "safe-1", "42023-0113-10", "K2603");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T11:30:05Z"), ZoneOffset.UTC);
    private static final PdmpProperties DEFAULTS = new PdmpProperties("DEFAULT", null, null, "P", null, null);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientDataKeys keys;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier(JacksonConfiguration.LEDGER_MAPPER)
    ObjectMapper ledgerMapper;

    @BeforeEach
    void theScenario() {
        scenario();
        marchFileAccepted();
    }

    private void scenario() {
        if (GoldenExports.registered(jdbc, PRACTICE)) {
            return;
        }
        Instant registered = Instant.parse("2026-01-05T15:00:00Z");
        GoldenExports.registerPractice(jdbc, PRACTICE, "Prairie Ketamine Clinic", "BP1234563", registered);
        GoldenExports.registerKetamineVials(jdbc, PRACTICE, "42023-0113-10", registered);
        practitioner("md-1", "Sam Q. Prescriber, MD", "BJ6125341", "036-123456", registered);
        practitioner("rn-1", "Joy Nurse, RN", null, "041-654321", registered);
        practitioner("md-2", "Dr. Robin Ames", "BA6125341", "036-222222", registered);
        jdbc.update("""
                update practitioner_registry set given_name = 'Robin', family_name = 'Ames-Okafor', npi = '1234567893'
                where practice_id = ? and practitioner_id = 'md-2'
                """, PRACTICE.value());
        transactions.executeWithoutResult(status -> {
            client(1, "c-grace", new PersonName("Grace", null, "Hopper"), "7 Navy Way");
            client(2, "c-ada", new PersonName("Ada", "King", "Lovelace"), "12 Elm St");
            ClientRef ada = new ClientRef(PRACTICE, "c-ada");
            timeline(
                    3,
                    "c-ada",
                    "ClientContactUpdated",
                    new ClientContactUpdatedEvent(
                            PRACTICE,
                            "c-ada",
                            keys.seal(ada, "phone", "(217) 555-0142"),
                            Instant.parse("2026-02-01T16:00:00Z")));
        });
        dispensed(21, "disp-1", "c-grace", "2.0", true, "2026-03-10T22:05:00Z", "md-1", null);
        dispensed(22, "disp-2", "c-ada", "1.0", true, "2026-03-12T15:00:00Z", "md-1", null);
        dispensed(23, "disp-3", "c-ada", "1.0", false, "2026-03-14T15:00:00Z", "md-1", null);
        movement(
                24,
                "ADMINISTERED",
                new BigDecimal("1.0"),
                "c-ada",
                new DoseAdministeredEvent(
                        LOT,
                        "d-1",
                        Quantity.of("1.0", StockUnit.ML),
                        new BigDecimal("50.0"),
                        Route.IM,
                        "c-ada",
                        "s-1",
                        "rn-1",
                        Quantity.of("0", StockUnit.ML),
                        Instant.parse("2026-03-15T15:00:00Z"),
                        null,
                        List.of(),
                        null));
        dispensed(
                25,
                "disp-4",
                "c-grace",
                "3.0",
                true,
                "2026-03-20T15:00:00Z",
                "md-2",
                new Prescription("RX-0004", LocalDate.parse("2026-03-18"), 2, PaymentType.COMMERCIAL_INSURANCE));
        corrected(26, 25, "disp-4", "3.0", "2.5", "bottle held 2.5 mL", "2026-03-21T15:00:00Z");
        dispensed(27, "disp-5", "c-ada", "1.0", true, "2026-03-25T15:00:00Z", "md-1", null);
        corrected(28, 27, "disp-5", "1.0", null, "entered for the wrong client", "2026-03-25T16:00:00Z");
        corrected(40, 21, "disp-1", "2.0", "1.5", "dispensed 1.5 mL, entered 2.0", "2026-04-02T15:00:00Z");
        corrected(41, 22, "disp-2", "1.0", null, "never handed over", "2026-04-03T15:00:00Z");
        dispensed(42, "disp-6", "c-grace", "1.0", true, "2026-04-10T15:00:00Z", "md-1", null);
        dispensed(90, "disp-7", "c-ada", "1.0", true, "2026-04-20T15:00:00Z", "md-1", null);
    }

    private void practitioner(String id, String name, String dea, String licence, Instant registered) {
        jdbc.update("""
                insert into practitioner_registry (practice_id, practitioner_id, name, roles, dea_number, active,
                                                   registered_at, licence_number, licence_state)
                values (?, ?, ?, '["PRESCRIBER"]', ?, true, ?, ?, 'IL')
                """, PRACTICE.value(), id, name, dea, Timestamp.from(registered), licence);
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
                        Instant.parse("2026-02-01T15:00:00Z"),
                        // Grace's sex is on file (PAT19 F); Ada was registered before it was asked
                        clientId.equals("c-grace") ? keys.seal(client, "sex", "FEMALE") : null));
    }

    private void dispensed(
            int position,
            String dispensationId,
            String clientId,
            String ml,
            boolean reportable,
            String at,
            String prescribedBy,
            Prescription prescription) {
        movement(
                position,
                "DISPENSED",
                new BigDecimal(ml),
                clientId,
                new DoseDispensedEvent(
                        LOT,
                        dispensationId,
                        Quantity.of(ml, StockUnit.ML),
                        new BigDecimal(ml).multiply(new BigDecimal("50")),
                        Route.SUBLINGUAL,
                        clientId,
                        prescribedBy,
                        "rn-1",
                        7,
                        reportable,
                        Quantity.of("40", StockUnit.ML),
                        Instant.parse(at),
                        null,
                        prescription));
    }

    private void corrected(
            int position, int of, String dispensationId, String from, String to, String reason, String at) {
        movement(
                position,
                "CORRECTED",
                to == null ? null : new BigDecimal(to),
                null,
                new EntryCorrectedEvent(
                        LOT,
                        "corr-" + position,
                        "pdmp-event-" + of,
                        Movement.DISPENSED,
                        dispensationId,
                        Quantity.of(from, StockUnit.ML),
                        to == null ? null : Quantity.of(to, StockUnit.ML),
                        Quantity.of("0", StockUnit.ML),
                        Quantity.of("40", StockUnit.ML),
                        reason,
                        "rn-1",
                        "md-1",
                        Instant.parse(at),
                        null));
    }

    private void timeline(int position, String clientId, String type, LedgerEvent event) {
        jdbc.update(
                """
                insert into client_timeline (ledger_position, event_id, practice_id, client_id, event_type, occurred_at,
                                             recorded_at, details)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                """,
                BASE + position,
                "pdmp-event-" + position,
                PRACTICE.value(),
                clientId,
                type,
                Timestamp.from(event.occurredAt()),
                Timestamp.from(event.occurredAt().plusSeconds(5)),
                json(event));
    }

    private void movement(int position, String movement, BigDecimal quantity, String clientId, LedgerEvent event) {
        jdbc.update(
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, client_id, actor,
                                            late_entry, occurred_at, recorded_at, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, null, 0, ?, 'rn-1', false, ?, ?, ?::jsonb)
                """,
                BASE + position,
                "pdmp-event-" + position,
                PRACTICE.value(),
                LOT.locationId(),
                LOT.ndc(),
                LOT.lotNumber(),
                movement,
                quantity,
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

    /** The ASAP file and the CSV listing of one month. */
    private record Exported(String asap, String csv, long count) {}

    private Exported export(PdmpProperties properties, String from, String to) {
        return export(properties, from, to, UP_TO);
    }

    private static ExportQuery query(String from, String to, long upTo) {
        return new ExportQuery(PRACTICE, LocalDate.parse(from), LocalDate.parse(to), null, null, null, ZONE, upTo);
    }

    /**
     * March's file as ExportJobs keeps it: generated at {@link #MARCH_AT} with its records listed, and accepted
     * by the state at {@link #MARCH_ACCEPTED} (pdmp_submission_status, as PdmpSubmissions records it).
     */
    private void marchFileAccepted() {
        fileAccepted("march", "2026-03-01", "2026-03-31", MARCH_AT, MARCH_ACCEPTED);
        fileAccepted("april", "2026-04-01", "2026-04-30", UP_TO, APRIL_ACCEPTED);
    }

    private void fileAccepted(String exportId, String from, String to, long generatedAt, long acceptedAt) {
        if (jdbc.queryForObject("select count(*) from export_job where export_id = ?", Long.class, exportId) > 0) {
            return;
        }
        jdbc.update("""
                insert into export_job (export_id, practice_id, export_type, parameters, requested_by, requested_role,
                                        requested_at, status, heartbeat_at, ledger_position)
                values (?, ?, 'pdmp-asap', '{}', 'key-1', 'COMPLIANCE_OFFICER', now(), 'DONE', now(), ?)
                """, exportId, PRACTICE.value(), generatedAt);
        PdmpAsapExport type = new PdmpAsapExport(jdbc, keys, DEFAULTS.settings(), CLOCK);
        for (PdmpFileRecord record : type.fileRecords(query(from, to, generatedAt))) {
            jdbc.update(
                    "insert into pdmp_file_record values (?, ?, ?, ?, ?)",
                    exportId,
                    PRACTICE.value(),
                    record.dispensingEventId(),
                    record.status(),
                    record.quantity());
        }
        submission(exportId, "SUBMITTED", generatedAt + 2);
        submission(exportId, "ACCEPTED", acceptedAt);
    }

    private void submission(String exportId, String status, long position) {
        jdbc.update(
                "insert into pdmp_submission_status values (?, ?, ?, ?)", exportId, PRACTICE.value(), status, position);
    }

    private Exported export(PdmpProperties properties, String from, String to, long upTo) {
        PdmpAsapExport type = new PdmpAsapExport(jdbc, keys, properties.settings(), CLOCK);
        ExportQuery query = query(from, to, upTo);
        ReportHeader header = new ReportHeader(
                type.name(),
                type.title(),
                "Prairie Ketamine Clinic",
                "1 Main St, Springfield, IL 62701",
                "BP1234563",
                from + " to " + to + " (America/Chicago)",
                CLOCK.instant(),
                "golden-key (COMPLIANCE_OFFICER)",
                ZONE,
                List.of("All storage locations"));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream asap = new ByteArrayOutputStream();
        CsvReportSink sink = new CsvReportSink(csv);
        ReportFooter footer = transactions.execute(status -> {
            try {
                sink.begin(header, type.columns());
                return type.write(query, sink::row, Map.<String, OutputStream>of(PdmpAsapExport.FILE, asap));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            sink.end(footer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Exported(
                asap.toString(StandardCharsets.US_ASCII), csv.toString(StandardCharsets.UTF_8), type.count(query));
    }

    private static long dataRows(String csv) {
        return csv.split("\r\n").length - 1;
    }

    @Test
    void theMonthsOfTheScenarioAreExactlyTheGoldenFilesAndPassTheValidator() throws IOException {
        Exported march = export(DEFAULTS, "2026-03-01", "2026-03-31", MARCH_AT);
        Exported april = export(DEFAULTS, "2026-04-01", "2026-04-30");
        Exported may = export(DEFAULTS, "2026-05-01", "2026-05-31", MAY_AT);

        Asap42Validator validator = new Asap42Validator(AsapStateProfile.DEFAULT);
        assertThat(validator.validate(march.asap())).isEmpty();
        assertThat(validator.validate(april.asap())).isEmpty();
        assertThat(validator.validate(may.asap())).isEmpty();

        assertThat(march.count()).isEqualTo(3).isEqualTo(dataRows(march.csv()));
        assertThat(april.count()).isEqualTo(3).isEqualTo(dataRows(april.csv()));
        assertThat(may.count()).isZero().isEqualTo(dataRows(may.csv()));
        assertThat(april.asap())
                .contains("DSP*01*disp-1*")
                .contains("DSP*02*disp-2*")
                .contains("DSP*00*disp-6*");
        assertThat(march.asap())
                .contains("DSP*00*RX-0004*20260318*2*20260320*")
                .doesNotContain("disp-3")
                .doesNotContain("disp-5");
        assertThat(april.asap()).doesNotContain("disp-7");
        assertThat(may.asap()).contains("REPORT*ZERO");

        GoldenExports.compare("pdmp-asap-2026-03.txt", march.asap());
        GoldenExports.compare("pdmp-asap-2026-04.txt", april.asap());
        GoldenExports.compare("pdmp-asap-2026-05.txt", may.asap());
        GoldenExports.compare("pdmp-asap-2026-04.csv", april.csv());
    }

    @Test
    void aFileOfAnOverlappingPeriodReportsOnlyWhatChangedSinceTheAcceptedOne() {
        Exported marchAgain = export(DEFAULTS, "2026-03-01", "2026-03-31", UP_TO);

        // disp-4 was reported as 2.5 and has not changed: not repeated as NEW
        assertThat(marchAgain.asap())
                .contains("DSP*01*disp-1*")
                .contains("DSP*02*disp-2*")
                .doesNotContain("DSP*00*");
        assertThat(marchAgain.count()).isEqualTo(2);
    }

    @Test
    void nothingIsRevisedOrVoidedThatNoSubmittedFileReported() {
        // March's file generated but never submitted: its corrections in April are not April's to revise
        jdbc.update("delete from pdmp_submission_status where export_id = 'march'");
        try {
            Exported april = export(DEFAULTS, "2026-04-01", "2026-04-30");

            assertThat(april.asap())
                    .contains("DSP*00*disp-6*")
                    .doesNotContain("DSP*01*")
                    .doesNotContain("DSP*02*");
            assertThat(april.count()).isEqualTo(1);
        } finally {
            submission("march", "SUBMITTED", MARCH_AT + 2);
            submission("march", "ACCEPTED", MARCH_ACCEPTED);
        }
    }

    @Test
    void aFileGeneratedBeforeFilesListedTheirRecordsCountsAsHavingReportedItsPeriod() {
        // March's file as an earlier version of the ledger made it: accepted, but no records listed
        jdbc.update("delete from pdmp_submission_status where export_id = 'march'");
        jdbc.update("""
                insert into export_job (export_id, practice_id, export_type, parameters, requested_by, requested_role,
                                        requested_at, status, heartbeat_at, ledger_position)
                values ('march-legacy', ?, 'pdmp-asap', '{"from":"2026-03-01","to":"2026-03-31"}', 'key-1',
                        'COMPLIANCE_OFFICER', now(), 'DONE', now(), ?)
                """, PRACTICE.value(), MARCH_AT);
        submission("march-legacy", "ACCEPTED", MARCH_ACCEPTED);
        try {
            Exported april = export(DEFAULTS, "2026-04-01", "2026-04-30");

            // April's corrections of March's dispensings are revised and voided, as the state holds them
            assertThat(april.asap())
                    .contains("DSP*01*disp-1*")
                    .contains("DSP*02*disp-2*")
                    .contains("DSP*00*disp-6*")
                    .doesNotContain("RX-0004");
            assertThat(april.count()).isEqualTo(3);
        } finally {
            jdbc.update("delete from pdmp_submission_status where export_id = 'march-legacy'");
            jdbc.update("delete from export_job where export_id = 'march-legacy'");
            submission("march", "SUBMITTED", MARCH_AT + 2);
            submission("march", "ACCEPTED", MARCH_ACCEPTED);
        }
    }

    @Test
    void theRecordsOfARejectedFileAreReportedAgainAsNew() {
        submission("march", "REJECTED", UP_TO - 1);
        try {
            Exported april = export(DEFAULTS, "2026-04-01", "2026-04-30");

            // March's records, as they stand now: disp-1 corrected to 1.5, disp-2 removed, disp-4 unchanged
            assertThat(april.asap())
                    .contains("DSP*00*disp-1*20260310*0*20260310*0*01*42023011310*1.5*")
                    .contains("DSP*00*RX-0004*")
                    .contains("DSP*00*disp-6*")
                    .doesNotContain("disp-2*")
                    .doesNotContain("DSP*01*")
                    .doesNotContain("DSP*02*");
        } finally {
            jdbc.update("delete from pdmp_submission_status where export_id = 'march' and status = 'REJECTED'");
        }
    }

    @Test
    void aStateThatRequiresThePrescribersNpiStopsTheFile() {
        PdmpProperties strict = new PdmpProperties("EXAMPLE_STRICT", "IL-0042", null, "T", null, null);
        assertThatThrownBy(() -> export(strict, "2026-03-01", "2026-03-31", MARCH_AT))
                .isInstanceOf(AsapElementMissingException.class)
                .hasMessageContaining("PRE01")
                .hasMessageContaining("disp-1");
    }

    @Test
    void aZeroReportUnderTheStrictProfilePassesItsValidator() {
        PdmpProperties strict = new PdmpProperties("EXAMPLE_STRICT", "IL-0042", "Prairie", "T", null, null);
        Exported may = export(strict, "2026-05-01", "2026-05-31", MAY_AT);
        assertThat(new Asap42Validator(AsapStateProfile.EXAMPLE_STRICT).validate(may.asap()))
                .isEmpty();
        assertThat(may.asap()).startsWith("TH*4.2*").contains("IS*IL-0042*PRAIRIE*");
    }

    @Test
    void theRecordOfADispensingCarriesItsPrescriptionsPaymentType() throws IOException {
        String march = export(DEFAULTS, "2026-03-01", "2026-03-31", MARCH_AT).asap();
        String rx = java.util.Arrays.stream(march.split("~"))
                .filter(line -> line.startsWith("DSP*00*RX-0004*"))
                .findFirst()
                .orElseThrow();
        assertThat(rx.split("\\*", -1)[16]).as("DSP16, payment type").isEqualTo("03");
    }

    @Test
    void aRefillIsReportedWithItsFillNumber() {
        Prescription rx = new Prescription("RX-0008", LocalDate.parse("2026-06-01"), 1, PaymentType.PRIVATE_PAY);
        if (jdbc.queryForObject("select count(*) from stock_movement where event_id = 'pdmp-event-95'", Long.class)
                == 0) {
            movement(
                    95,
                    "DISPENSED",
                    new BigDecimal("1.0"),
                    "c-grace",
                    new DoseDispensedEvent(
                            LOT,
                            "disp-8",
                            Quantity.of("1.0", StockUnit.ML),
                            new BigDecimal("50.0"),
                            Route.SUBLINGUAL,
                            "c-grace",
                            "md-2",
                            "rn-1",
                            7,
                            true,
                            Quantity.of("40", StockUnit.ML),
                            Instant.parse("2026-06-10T15:00:00Z"),
                            null,
                            rx,
                            1));
        }

        String june = export(DEFAULTS, "2026-06-01", "2026-06-30", BASE + 100).asap();

        assertThat(june).contains("DSP*00*RX-0008*20260601*1*20260610*1*");
    }

    @Test
    void aPatientIsReportedWithTheSexOnFile() {
        String march = export(DEFAULTS, "2026-03-01", "2026-03-31", MARCH_AT).asap();

        String grace = java.util.Arrays.stream(march.split("~"))
                .filter(segment -> segment.startsWith("PAT*") && segment.contains("*HOPPER*"))
                .findFirst()
                .orElseThrow();
        String ada = java.util.Arrays.stream(march.split("~"))
                .filter(segment -> segment.startsWith("PAT*") && segment.contains("*LOVELACE*"))
                .findFirst()
                .orElseThrow();
        assertThat(grace.split("\\*", -1)[19]).as("PAT19").isEqualTo("F");
        assertThat(ada.split("\\*", -1)[19]).as("PAT19 not on file").isEmpty();
    }

    @Test
    void aPrescriberIsReportedByTheLegalNameAndNpiOnFile() throws IOException {
        String march = export(DEFAULTS, "2026-03-01", "2026-03-31", MARCH_AT).asap();
        assertThat(march).contains("PRE*1234567893*BA6125341**036-222222*AMES-OKAFOR*ROBIN");
    }

    @Test
    void aDispensingRecordedBeforePrescriptionsWereRequiredIsNumberedByItsIdWithinDsp02sLength() {
        assertThat(PdmpAsapExport.legacyPrescriptionNumber("disp-1")).isEqualTo("disp-1");
        assertThat(PdmpAsapExport.legacyPrescriptionNumber("fe1873f0-ecc2-46b9-bfd8-433f34665c6f"))
                .isEqualTo("fe1873f0ecc246b9bfd8433f3")
                .hasSize(25);
    }

    @Test
    void prescriberNamesAreSplitWithoutTheirCredentials() {
        assertThat(PdmpAsapExport.personName("Sam Q. Prescriber, MD"))
                .isEqualTo(new PersonName("Sam", "Q.", "Prescriber"));
        assertThat(PdmpAsapExport.personName("Prescriber")).isEqualTo(new PersonName(null, null, "Prescriber"));
        assertThat(PdmpAsapExport.personName("Dr. Sam Prescriber"))
                .isEqualTo(new PersonName("Sam", null, "Prescriber"));
        assertThat(PdmpAsapExport.personName("DR Sam Prescriber, MD"))
                .isEqualTo(new PersonName("Sam", null, "Prescriber"));
    }

    @Test
    void anUnknownProfileIsRefusedAtStartup() {
        assertThatThrownBy(() -> new PdmpProperties("TEXAS", null, null, "P", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEFAULT or EXAMPLE_STRICT");
    }
}
