package org.doseledger.projections.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.doseledger.core.export.api.PdmpFileRecord;
import org.doseledger.core.integrity.EventHashes;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.stock.api.Prescription;
import org.doseledger.projections.export.pdmp.Asap42Writer;
import org.doseledger.projections.export.pdmp.AsapDispensation;
import org.doseledger.projections.export.pdmp.AsapDispenser;
import org.doseledger.projections.export.pdmp.AsapDosageUnit;
import org.doseledger.projections.export.pdmp.AsapPatient;
import org.doseledger.projections.export.pdmp.AsapPaymentType;
import org.doseledger.projections.export.pdmp.AsapPrescriber;
import org.doseledger.projections.export.pdmp.AsapReportingStatus;
import org.doseledger.projections.export.pdmp.AsapRxOrigin;
import org.doseledger.projections.export.pdmp.AsapStateProfile;
import org.doseledger.projections.export.pdmp.AsapSubmission;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state PDMP file (ASAP 4.2, docs/pdmp-asap.md) of the practice's take-home doses in the period:
 * every {@code pdmpReportable} dispensing as a new record, and every correction in the period of one
 * dispensed before it as a revise (another quantity) or void (entry removed) of the original as it was
 * reported. A dispensing corrected within the same period was never reported, so only its corrected
 * state goes: a new record with the corrected quantity, or nothing. A period with nothing to report is a
 * zero report. The bundle holds the file as {@value #FILE} and the same records as CSV, JSON and PDF.
 */
public class PdmpAsapExport implements ExportType {

    public static final String NAME = org.doseledger.core.export.api.ExportTypes.PDMP_ASAP;
    public static final String FILE = "pdmp-asap.txt";
    static final int FETCH_SIZE = 1000;
    private static final java.util.regex.Pattern TITLE =
            java.util.regex.Pattern.compile("^(?i)(dr|mr|mrs|ms|mx|prof)\\.?\\s+");

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("status", "Status", 1),
            new ReportColumn("prescriptionNumber", "Prescription number (DSP02)", 3),
            new ReportColumn("dateFilled", "Date filled", 1),
            new ReportColumn("clientId", "Client id", 1).unprinted(),
            new ReportColumn("patientName", "Patient", 2),
            new ReportColumn("dateOfBirth", "Date of birth", 1),
            new ReportColumn("ndc", "NDC", 2),
            new ReportColumn("product", "Product", 2),
            new ReportColumn("quantity", "Quantity", 1).withUnitFrom("unit"),
            new ReportColumn("unit", "Unit", 1).unprinted(),
            new ReportColumn("daysSupply", "Days supply", 1),
            new ReportColumn("prescriberName", "Prescriber", 2),
            new ReportColumn("prescriberDea", "Prescriber DEA", 1),
            new ReportColumn("dispensedBy", "Dispensed by", 2),
            new ReportColumn("dispensingEventId", "Dispensing event", 2).unprinted(),
            new ReportColumn("correctionEventId", "Correction event", 2).unprinted(),
            new ReportColumn("correctionReason", "Correction reason", 2),
            new ReportColumn("ledgerPosition", "Ledger position", 1).unprinted());

    /*
     * The dispensings the file may report: take-home dispensings in the period, and earlier ones that a file
     * submitted or accepted by the export's position reported, or that a rejected file held. Each comes with
     * its state as corrected at the export's position (cq; corrected with no quantity: removed) and the state
     * the latest counting file reported (reported_status, reported_quantity). A file counts when its latest
     * submission status at the export's position is SUBMITTED or ACCEPTED; REJECTED files' records are
     * reported again. A counting file generated before files listed their records (no pdmp_file_record row)
     * is taken to have reported, as NEW, every take-home dispensing of its period and location in its state
     * at the file's ledger position (one struck by then: not at all), as the ledger's earlier exports did.
     */
    private static final String CANDIDATES = """
            with files as (
              select j.export_id, j.ledger_position,
                     (select s.status from pdmp_submission_status s
                      where s.export_id = j.export_id and s.ledger_position <= ?
                      order by s.ledger_position desc limit 1) as status
              from export_job j where j.practice_id = ? and j.export_type = 'pdmp-asap'
            ), legacy as (
              select f.export_id, f.ledger_position, (j.parameters ->> 'from')::date as from_day,
                     (j.parameters ->> 'to')::date as to_day, j.parameters ->> 'locationId' as location_id
              from files f join export_job j on j.export_id = f.export_id
              where f.status in ('SUBMITTED', 'ACCEPTED') and f.ledger_position is not null
                and not exists (select 1 from pdmp_file_record r where r.export_id = f.export_id)
            ), legacy_reported as (
              select m.event_id as dispensing_event_id, 'NEW' as status,
                     coalesce((lc.details -> 'correctedQuantity' ->> 'amount')::numeric,
                              (m.details -> 'quantity' ->> 'amount')::numeric) as quantity,
                     l.ledger_position, l.export_id
              from legacy l
              join practice_registry p on p.practice_id = ?
              join stock_movement m on m.practice_id = p.practice_id and m.movement = 'DISPENSED'
                                   and (m.details ->> 'pdmpReportable')::boolean
                                   and m.ledger_position <= l.ledger_position
                                   and m.occurred_at >= (l.from_day::timestamp at time zone p.time_zone)
                                   and m.occurred_at < ((l.to_day + 1)::timestamp at time zone p.time_zone)
                                   and (l.location_id is null or m.location_id = l.location_id)
              left join stock_movement lc on lc.practice_id = m.practice_id and lc.movement = 'CORRECTED'
                                         and lc.details ->> 'correctedEventId' = m.event_id
                                         and lc.ledger_position <= l.ledger_position
              where lc.event_id is null or lc.details -> 'correctedQuantity' ->> 'amount' is not null
            ), reported as (
              select distinct on (x.dispensing_event_id) x.dispensing_event_id, x.status, x.quantity
              from (
                select r.dispensing_event_id, r.status, r.quantity, f.ledger_position, r.export_id
                from pdmp_file_record r join files f on f.export_id = r.export_id
                where f.status in ('SUBMITTED', 'ACCEPTED')
                union all
                select dispensing_event_id, status, quantity, ledger_position, export_id from legacy_reported
              ) x
              order by x.dispensing_event_id, x.ledger_position desc, x.export_id desc
            ), rejected as (
              select distinct r.dispensing_event_id
              from pdmp_file_record r join files f on f.export_id = r.export_id
              where f.status = 'REJECTED'
            ), corrections as (
              select event_id, details from stock_movement
              where practice_id = ? and movement = 'CORRECTED' and details ->> 'correctedMovement' = 'DISPENSED'
                and ledger_position <= ?
            )
            select m.ledger_position, m.ndc, m.event_id as dispensing_event_id, m.occurred_at as dispensed_at,
                   m.client_id, m.details::text as d, c.event_id as correction_event_id,
                   c.details ->> 'reason' as reason, c.event_id is not null as corrected,
                   (c.details -> 'correctedQuantity' ->> 'amount')::numeric as cq,
                   rp.status as reported_status, rp.quantity as reported_quantity
            from stock_movement m
            left join corrections c on c.details ->> 'correctedEventId' = m.event_id
            left join reported rp on rp.dispensing_event_id = m.event_id
            left join rejected rj on rj.dispensing_event_id = m.event_id
            where m.practice_id = ? and m.movement = 'DISPENSED' and (m.details ->> 'pdmpReportable')::boolean
              and m.ledger_position <= ? and m.occurred_at < ?
              and (m.occurred_at >= ? or rp.dispensing_event_id is not null or rj.dispensing_event_id is not null)
            """;

    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final PdmpFileSettings settings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public PdmpAsapExport(JdbcTemplate jdbc, ClientDataKeys keys, PdmpFileSettings settings, Clock clock) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "PDMP report of take-home dispensing (ASAP 4.2)";
    }

    @Override
    public List<ReportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> processors() {
        return List.of(StockLotProjection.PROCESSING_GROUP, ClientTimelineProjection.PROCESSING_GROUP);
    }

    @Override
    public List<String> extraFiles() {
        return List.of(FILE);
    }

    @Override
    public long count(ExportQuery query) {
        long[] count = {0};
        decide(query, (rs, decision) -> count[0]++);
        return count[0];
    }

    @Override
    public List<PdmpFileRecord> fileRecords(ExportQuery query) {
        List<PdmpFileRecord> records = new ArrayList<>();
        decide(
                query,
                (rs, decision) -> records.add(new PdmpFileRecord(
                        rs.getString("dispensing_event_id"), decision.status().name(), decision.quantity())));
        return records;
    }

    /**
     * What the file says of a dispensing: NEW (never reported by a counting file) with its current
     * quantity, REVISE to its current quantity or VOID when its current state differs from the one last
     * reported; nothing when it is removed before ever being reported or unchanged since.
     */
    record Decision(AsapReportingStatus status, BigDecimal quantity, BigDecimal reportedQuantity) {}

    @FunctionalInterface
    private interface Decided {
        void accept(ResultSet rs, Decision decision) throws SQLException;
    }

    private void decide(ExportQuery query, Decided decided) {
        jdbc.query(
                CANDIDATES + location(query) + " order by m.occurred_at, m.ledger_position",
                rs -> {
                    Decision decision = decision(rs);
                    if (decision != null) {
                        decided.accept(rs, decision);
                    }
                },
                parameters(query));
    }

    private Decision decision(ResultSet rs) throws SQLException {
        BigDecimal original;
        try {
            original = new BigDecimal(json.readTree(rs.getString("d"))
                    .path("quantity")
                    .path("amount")
                    .asText());
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable dispensing at ledger position " + rs.getLong("ledger_position"), e);
        }
        BigDecimal current = rs.getBoolean("corrected") ? rs.getBigDecimal("cq") : original;
        String reported = rs.getString("reported_status");
        if (reported == null) {
            return current == null ? null : new Decision(AsapReportingStatus.NEW, current, null);
        }
        BigDecimal reportedQuantity = reported.equals("VOID") ? null : rs.getBigDecimal("reported_quantity");
        if (current == null && reportedQuantity == null
                || current != null && reportedQuantity != null && current.compareTo(reportedQuantity) == 0) {
            return null;
        }
        return current == null
                ? new Decision(AsapReportingStatus.VOID, null, reportedQuantity)
                : new Decision(AsapReportingStatus.REVISE, current, reportedQuantity);
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        return write(query, rows, Map.of());
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows, Map<String, OutputStream> files) throws IOException {
        Practice practice = practice(query);
        AsapStateProfile profile = settings.stateProfile();
        OutputStream file = files.getOrDefault(FILE, OutputStream.nullOutputStream());
        Asap42Writer asap = Asap42Writer.start(file, profile, submission(query, practice));
        asap.dispenser(practice.dispenser());
        PdmpPatients patients = new PdmpPatients(jdbc, keys, json, query.practiceId(), query.upTo());
        Map<AsapReportingStatus, long[]> counts = new EnumMap<>(AsapReportingStatus.class);
        try {
            decide(query, (rs, decision) -> {
                Row row = row(rs, decision, query, practice, patients);
                counts.computeIfAbsent(row.record().status(), status -> new long[1])[0]++;
                try {
                    asap.dispensation(row.record());
                    rows.row(row.cells());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long segments = asap.finish();
        List<String> totals = new ArrayList<>();
        if (counts.isEmpty()) {
            totals.add("Zero report: no take-home dispensing to report in the period");
        }
        counts.forEach((status, count) -> totals.add(status.name() + ": " + count[0]));
        totals.add("ASAP segments: " + segments + " (" + FILE + ", profile " + profile.name() + ")");
        return new ReportFooter(totals, null);
    }

    /** One record of the file and its row in the listing. */
    private record Row(AsapDispensation record, List<Object> cells) {}

    private Row row(ResultSet rs, Decision decision, ExportQuery query, Practice practice, PdmpPatients patients)
            throws SQLException {
        JsonNode d;
        try {
            d = json.readTree(rs.getString("d"));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable dispensing at ledger position " + rs.getLong("ledger_position"), e);
        }
        String dispensationId = d.path("dispensationId").asText();
        LocalDate dispensedOn =
                rs.getTimestamp("dispensed_at").toInstant().atZone(query.zone()).toLocalDate();
        String clientId = rs.getString("client_id");
        AsapPatient patient =
                patients.of(clientId, rs.getTimestamp("dispensed_at").toInstant());
        Practitioner prescriber = practitioner(query, d.path("prescribedBy").asText(null), practice);
        Practitioner dispenser = practitioner(query, d.path("dispensedBy").asText(null), practice);
        if (prescriber.deaNumber() == null) {
            throw new IllegalStateException("Dispensation " + dispensationId + " cannot be reported to the PDMP:"
                    + " its prescriber " + prescriber.id() + " has no DEA number on file (PRE02)");
        }
        // a NEW record reports the dispensing as it stands (corrected before it was ever reported: as it
        // should have been); a REVISE or VOID repeats the record as last reported, with the new quantity
        BigDecimal quantity =
                decision.status() == AsapReportingStatus.NEW ? decision.quantity() : decision.reportedQuantity();
        if (quantity == null) {
            quantity = new BigDecimal(d.path("quantity").path("amount").asText());
        }
        StockUnit unit = StockUnit.valueOf(d.path("quantity").path("unit").asText());
        JsonNode prescription = d.path("prescription");
        boolean onFile = prescription.isObject();
        String prescriptionNumber =
                onFile ? prescription.path("number").asText() : legacyPrescriptionNumber(dispensationId);
        AsapDispensation original = new AsapDispensation(
                AsapReportingStatus.NEW,
                prescriptionNumber,
                onFile ? LocalDate.parse(prescription.path("writtenOn").asText()) : dispensedOn,
                onFile ? prescription.path("refillsAuthorized").asInt() : 0,
                dispensedOn,
                d.path("fillNumber").asInt(0), // DSP06: 0 the first fill, then one per refill
                rs.getString("ndc"),
                quantity,
                AsapDosageUnit.of(unit),
                d.path("daysSupply").asInt(),
                AsapRxOrigin.WRITTEN,
                onFile
                        ? AsapPaymentType.valueOf(
                                prescription.path("paymentType").asText())
                        : null,
                dispenser.npi(),
                dispenser.licence(),
                null,
                patient,
                new AsapPrescriber(
                        prescriber.npi(), prescriber.deaNumber(), prescriber.licence(), prescriber.legalName(), null),
                List.of(),
                null);
        String correctionEventId = rs.getString("correction_event_id");
        AsapDispensation record = switch (decision.status()) {
            case NEW -> original;
            case REVISE -> original.revised(decision.quantity());
            case VOID -> original.voided();
        };
        List<Object> cells = Arrays.asList(
                record.status().name(),
                prescriptionNumber,
                dispensedOn,
                clientId,
                nameText(patient.name()),
                patient.dateOfBirth(),
                rs.getString("ndc"),
                product(query, rs.getString("ndc")),
                record.quantity(),
                unit.name(),
                record.daysSupply(),
                prescriber.name(),
                prescriber.deaNumber(),
                dispenser.name(),
                rs.getString("dispensing_event_id"),
                correctionEventId,
                rs.getString("reason"),
                rs.getLong("ledger_position"));
        return new Row(record, cells);
    }

    /**
     * DSP02 of a dispensing recorded before its prescription was required: its dispensation id, or, when
     * that is longer than the {@value Prescription#MAX_NUMBER_LENGTH} characters DSP02 takes (a UUID), its
     * first {@value Prescription#MAX_NUMBER_LENGTH} letters and digits. Such a record reports no payment type.
     */
    public static String legacyPrescriptionNumber(String dispensationId) {
        if (dispensationId.length() <= Prescription.MAX_NUMBER_LENGTH) {
            return dispensationId;
        }
        String compact = dispensationId.replaceAll("[^A-Za-z0-9]", "");
        return compact.substring(0, Math.min(Prescription.MAX_NUMBER_LENGTH, compact.length()));
    }

    private static String location(ExportQuery query) {
        return query.locationId() == null ? "" : " and m.location_id = ?";
    }

    private static Object[] parameters(ExportQuery query) {
        Timestamp start = Timestamp.from(query.start());
        Timestamp end = Timestamp.from(query.end());
        String practice = query.practiceId().value();
        // files (position, practice), legacy files' practice, corrections (practice, position), the movements
        List<Object> values = new ArrayList<>(
                List.of(query.upTo(), practice, practice, practice, query.upTo(), practice, query.upTo(), end, start));
        if (query.locationId() != null) {
            values.add(query.locationId());
        }
        return values.toArray();
    }

    /**
     * TH and IS: the control number is derived from what the file covers (practice, period, location,
     * ledger position), so the same export asked twice is the same submission to the PDMP.
     */
    private AsapSubmission submission(ExportQuery query, Practice practice) {
        String covered = String.join(
                "|",
                query.practiceId().value(),
                query.from().toString(),
                query.to().toString(),
                String.valueOf(query.locationId()),
                String.valueOf(query.upTo()));
        String controlNumber = HexFormat.of()
                .formatHex(EventHashes.sha256(covered.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 20)
                .toUpperCase(java.util.Locale.ROOT);
        return new AsapSubmission(
                controlNumber,
                LocalDateTime.ofInstant(clock.instant(), query.zone()),
                settings.fileType(),
                settings.informationSourceId() != null ? settings.informationSourceId() : practice.deaNumber(),
                settings.informationSourceName() != null ? settings.informationSourceName() : practice.name(),
                query.from(),
                query.to());
    }

    private record Practice(String name, PostalAddress address, String deaNumber, String phone, String contact) {

        AsapDispenser dispenser() {
            return new AsapDispenser(null, null, deaNumber, name, address, phone, contact);
        }
    }

    private Practice practice(ExportQuery query) {
        return jdbc.queryForObject(
                """
                select name, address::text as address, dea_number, phone, contact_name
                from practice_registry where practice_id = ?
                """,
                (rs, n) -> {
                    try {
                        return new Practice(
                                rs.getString("name"),
                                json.readValue(rs.getString("address"), PostalAddress.class),
                                rs.getString("dea_number"),
                                rs.getString("phone") != null ? rs.getString("phone") : settings.phone(),
                                rs.getString("contact_name") != null
                                        ? rs.getString("contact_name")
                                        : settings.contactName());
                    } catch (JsonProcessingException e) {
                        throw new SQLException("unreadable practice address", e);
                    }
                },
                query.practiceId().value());
    }

    /**
     * A practitioner as registered; {@code licence} only when it is of the file's state (the practice's);
     * {@code legalName} as recorded, or else split from the name they were registered under.
     */
    private record Practitioner(
            String id, String name, String deaNumber, String licence, PersonName legalName, String npi) {}

    private Practitioner practitioner(ExportQuery query, String practitionerId, Practice practice) {
        if (practitionerId == null) {
            return new Practitioner(null, null, null, null, personName(null), null);
        }
        List<Practitioner> found = jdbc.query(
                """
                select name, dea_number, case when licence_state = ? then licence_number end as licence,
                       given_name, middle_name, family_name, npi
                from practitioner_registry where practice_id = ? and practitioner_id = ?
                """,
                (rs, n) -> new Practitioner(
                        practitionerId,
                        rs.getString("name"),
                        rs.getString("dea_number"),
                        rs.getString("licence"),
                        rs.getString("family_name") != null
                                ? new PersonName(
                                        rs.getString("given_name"),
                                        rs.getString("middle_name"),
                                        rs.getString("family_name"))
                                : personName(rs.getString("name")),
                        rs.getString("npi")),
                practice.address().state(),
                query.practiceId().value(),
                practitionerId);
        return found.isEmpty()
                ? new Practitioner(practitionerId, practitionerId, null, null, personName(practitionerId), null)
                : found.get(0);
    }

    private String product(ExportQuery query, String ndc) {
        List<String> names = jdbc.queryForList(
                "select name from product_catalogue where practice_id = ? and ndc = ?",
                String.class,
                query.practiceId().value(),
                ndc);
        return names.isEmpty() ? null : names.get(0);
    }

    /**
     * The name of a practitioner registered without a legal name is one string ("Dr. Sam Prescriber, MD"):
     * without a leading title (Dr., Mr., Mrs., Ms., Mx., Prof.) and the credentials after a comma, the
     * first word is the given name, the last the family name, any between the middle.
     */
    public static PersonName personName(String name) {
        String bare =
                name == null ? "" : TITLE.matcher(name.split(",", 2)[0].trim()).replaceFirst("");
        String[] words = bare.isEmpty() ? new String[0] : bare.split("\\s+");
        if (words.length == 0) {
            return new PersonName(null, null, null);
        }
        if (words.length == 1) {
            return new PersonName(null, null, words[0]);
        }
        String middle = words.length > 2 ? String.join(" ", Arrays.copyOfRange(words, 1, words.length - 1)) : null;
        return new PersonName(words[0], middle, words[words.length - 1]);
    }

    private static String nameText(PersonName name) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {name.given(), name.middle(), name.family()}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return String.join(" ", parts);
    }
}
