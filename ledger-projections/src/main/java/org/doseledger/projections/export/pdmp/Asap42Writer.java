package org.doseledger.projections.export.pdmp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;

/**
 * Writes a PDMP file in ASAP 4.2, segment by segment as records come, holding nothing but counters:
 * {@link #start} writes TH and IS, {@link #dispenser} opens a PHA group, {@link #dispensation} writes
 * PAT, DSP, PRE, CDI and AIR for one record, and {@link #finish} closes the last group with TP and the
 * file with TT. A dispenser with no dispensation is closed as a zero report.
 *
 * <p>Element positions follow the ASAP 4.2 element tables (Appendix A, "ASAP 4.2 Specifications", and
 * Appendix B, "ASAP Zero Report Specifications") of the Appriss/Bamboo Health PMP Clearinghouse "Data
 * Submission Guide for Dispensers" (e.g. Minnesota Prescription Monitoring Program, November 2018,
 * version 1.0), cross-read against the ASAP 4.2A segment schema of the open-source Elixir {@code asap}
 * library (Asap.Segments.*). Trailing empty elements are left out, as those guides allow.
 *
 * <p>The writer never closes the stream it was given; it flushes it in {@link #finish}.
 */
public final class Asap42Writer {

    static final String VERSION = "4.2";
    static final String SEND_TRANSACTION = "01";
    static final String NDC_QUALIFIER = "01";
    static final String COMPOUND_QUALIFIER = "06";
    static final String COMPOUND_PRODUCT_ID = "99999999999";
    static final String NOT_A_PARTIAL_FILL = "00";
    static final String HUMAN = "01";

    /** Identifiers written as the ledger holds them, never upper-cased. */
    private static final Set<String> KEPT_AS_GIVEN = Set.of("TH02", "DSP02", "TT01");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    private final Writer out;
    private final AsapStateProfile profile;
    private final AsapSubmission submission;
    private long segments;
    private long groupSegments;
    private boolean groupOpen;
    private int groupDispensations;
    private boolean finished;
    private String context = "the file header";

    private Asap42Writer(Writer out, AsapStateProfile profile, AsapSubmission submission) {
        this.out = out;
        this.profile = profile;
        this.submission = submission;
    }

    /** Starts a file on a byte stream, in US-ASCII (non-ASCII letters lose their accents). */
    public static Asap42Writer start(OutputStream out, AsapStateProfile profile, AsapSubmission submission)
            throws IOException {
        return start(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII)), profile, submission);
    }

    /** Starts a file: writes TH and IS. */
    public static Asap42Writer start(Writer out, AsapStateProfile profile, AsapSubmission submission)
            throws IOException {
        Asap42Writer writer = new Asap42Writer(out, profile, submission);
        writer.header();
        return writer;
    }

    /** A whole zero report: the dispenser dispensed nothing reportable in the submission's period. */
    public static long writeZeroReport(
            OutputStream out, AsapStateProfile profile, AsapSubmission submission, AsapDispenser dispenser)
            throws IOException {
        Asap42Writer writer = start(out, profile, submission);
        writer.dispenser(dispenser);
        return writer.finish();
    }

    /** Opens the PHA group of a dispenser, closing the previous one. */
    public void dispenser(AsapDispenser dispenser) throws IOException {
        requireNotFinished();
        closeGroup();
        context = "dispenser " + dispenser.deaNumber();
        PostalAddress address = dispenser.address();
        segment(
                "PHA",
                dispenser.npi(),
                dispenser.ncpdpId(),
                dispenser.deaNumber(),
                dispenser.name(),
                address.line1(),
                address.line2(),
                address.city(),
                address.state(),
                postalCode(address.postalCode()),
                digits(dispenser.phone()),
                dispenser.contactName());
        groupOpen = true;
        groupDispensations = 0;
    }

    /** Writes one dispensing record of the open dispenser: PAT, DSP, PRE, then any CDI and AIR. */
    public void dispensation(AsapDispensation record) throws IOException {
        requireNotFinished();
        if (!groupOpen) {
            throw new IllegalStateException("a dispensation needs a dispenser (PHA) first");
        }
        context = "dispensation " + record.prescriptionNumber() + " (" + record.status() + ")";
        patient(record.patient());
        boolean compound = !record.compoundIngredients().isEmpty();
        segment(
                "DSP",
                record.status().code(),
                record.prescriptionNumber(),
                date(record.dateWritten()),
                Integer.toString(record.refillsAuthorized()),
                date(record.dateFilled()),
                Integer.toString(record.refillNumber()),
                compound ? COMPOUND_QUALIFIER : NDC_QUALIFIER,
                compound ? COMPOUND_PRODUCT_ID : ndc11(record.ndc()),
                decimal(record.quantity()),
                Integer.toString(record.daysSupply()),
                record.unit().code(),
                record.rxOrigin().code(),
                NOT_A_PARTIAL_FILL,
                record.dispenserNpi(),
                record.dispenserStateLicence(),
                record.paymentType() == null ? null : record.paymentType().code(),
                date(record.dateSold()));
        AsapPrescriber prescriber = record.prescriber();
        PersonName name = prescriber.name();
        segment(
                "PRE",
                prescriber.npi(),
                prescriber.deaNumber(),
                null,
                prescriber.stateLicenceNumber(),
                name.family(),
                name.given(),
                name.middle(),
                digits(prescriber.phone()));
        for (AsapCompoundIngredient ingredient : record.compoundIngredients()) {
            segment(
                    "CDI",
                    Integer.toString(ingredient.sequence()),
                    NDC_QUALIFIER,
                    ndc11(ingredient.ndc()),
                    decimal(ingredient.quantity()),
                    ingredient.unit().code());
        }
        AsapAdditionalInformation air = record.additionalInformation();
        if (air != null) {
            segment(
                    "AIR",
                    air.rxSerialJurisdiction(),
                    air.rxSerialNumber(),
                    air.idJurisdiction(),
                    air.idQualifier(),
                    air.id(),
                    air.relationship(),
                    air.person() == null ? null : air.person().family(),
                    air.person() == null ? null : air.person().given(),
                    air.pharmacist() == null ? null : air.pharmacist().family(),
                    air.pharmacist() == null ? null : air.pharmacist().given(),
                    air.droppingOffOrPickingUp());
        }
        groupDispensations++;
    }

    /** Closes the open dispenser (TP) and the file (TT), flushes; returns the file's segment count. */
    public long finish() throws IOException {
        requireNotFinished();
        if (!groupOpen) {
            throw new IllegalStateException("an ASAP file needs at least one dispenser (PHA), even a zero report");
        }
        closeGroup();
        context = "the file trailer";
        segments++;
        write("TT", submission.controlNumber(), Long.toString(segments));
        finished = true;
        out.flush();
        return segments;
    }

    private void header() throws IOException {
        segments++;
        String terminator = String.valueOf(profile.segmentTerminator());
        String[] th = {
            VERSION,
            submission.controlNumber(),
            SEND_TRANSACTION,
            null,
            date(submission.createdAt().toLocalDate()),
            TIME.format(submission.createdAt()),
            submission.fileType().code(),
            null,
            terminator
        };
        String[] values = resolve("TH", th);
        values[8] = terminator; // TH09 is the terminator itself, the one value never cleaned of it
        emit("TH", values);
        segment(
                "IS",
                firstNonNull(profile.informationSourceId(), submission.informationSourceId()),
                firstNonNull(profile.informationSourceName(), submission.informationSourceName()),
                "#" + date(submission.periodStart()) + "#-#" + date(submission.periodEnd()) + "#");
    }

    private void patient(AsapPatient patient) throws IOException {
        PersonName name = patient.name();
        PostalAddress address = patient.address();
        segment(
                "PAT",
                null,
                null,
                null,
                null,
                null,
                null,
                name.family(),
                name.given(),
                name.middle(),
                null,
                null,
                address.line1(),
                address.line2(),
                address.city(),
                address.state(),
                postalCode(address.postalCode()),
                digits(patient.phone()),
                date(patient.dateOfBirth()),
                patient.gender() == null ? null : patient.gender().code(),
                HUMAN);
    }

    private void closeGroup() throws IOException {
        if (!groupOpen) {
            return;
        }
        if (groupDispensations == 0) {
            zeroReportRecord();
        }
        groupSegments++;
        segments++;
        write("TP", Long.toString(groupSegments));
        groupOpen = false;
    }

    /**
     * The zero-report record of the PMP Clearinghouse guides (Appendix B): PAT with last name REPORT and
     * first name ZERO, DSP with only DSP05 (the first day of the period), then empty PRE, CDI and AIR.
     */
    private void zeroReportRecord() throws IOException {
        context = "the zero report";
        String[] pat = new String[8];
        pat[6] = "REPORT";
        pat[7] = "ZERO";
        emitCounted("PAT", pat);
        String[] dsp = new String[5];
        dsp[4] = date(submission.periodStart());
        emitCounted("DSP", dsp);
        emitCounted("PRE", new String[0]);
        emitCounted("CDI", new String[0]);
        emitCounted("AIR", new String[0]);
    }

    private void segment(String id, String... elements) throws IOException {
        emitCounted(id, resolve(id, elements));
    }

    private void emitCounted(String id, String[] values) throws IOException {
        if (groupOpen || "PHA".equals(id)) {
            groupSegments = "PHA".equals(id) ? 1 : groupSegments + 1;
        }
        segments++;
        emit(id, values);
    }

    /** Cleans each value, fills state defaults, and refuses a record missing a required element. */
    private String[] resolve(String id, String[] elements) {
        int length = elements.length;
        for (String element : profile.defaultValues().keySet()) {
            if (element.startsWith(id) && element.length() == id.length() + 2) {
                length = Math.max(length, Integer.parseInt(element.substring(id.length())));
            }
        }
        String[] values = new String[length];
        for (int i = 0; i < length; i++) {
            String element = id + String.format(Locale.ROOT, "%02d", i + 1);
            String value = i < elements.length ? clean(elements[i], !KEPT_AS_GIVEN.contains(element)) : null;
            if (value == null) {
                value = profile.defaultValues().get(element);
            }
            if (value == null && profile.requires(element) && !"TH09".equals(element)) {
                throw new AsapElementMissingException(element, context, profile.name());
            }
            values[i] = value;
        }
        for (String element : profile.requiredElements()) {
            if (element.startsWith(id)
                    && element.length() == id.length() + 2
                    && Integer.parseInt(element.substring(id.length())) > length) {
                throw new AsapElementMissingException(element, context, profile.name());
            }
        }
        return values;
    }

    private void write(String id, String... values) throws IOException {
        emit(id, resolve(id, values));
    }

    private void emit(String id, String[] values) throws IOException {
        int last = values.length;
        while (last > 0 && values[last - 1] == null) {
            last--;
        }
        out.write(id);
        if (last == 0) {
            out.write('*'); // an empty segment (PRE, CDI, AIR of a zero report) keeps one separator, as the guides show
        }
        for (int i = 0; i < last; i++) {
            out.write('*');
            if (values[i] != null) {
                out.write(values[i]);
            }
        }
        out.write(profile.segmentTerminator());
        if (profile.lineBreakAfterSegment()) {
            out.write('\n');
        }
    }

    /**
     * Printable ASCII only, no separator or terminator inside, single spaces, upper case if the state asks
     * (identifiers excepted: a revise or void must repeat them exactly as the ledger holds them).
     */
    private String clean(String value, boolean upperCase) {
        if (value == null) {
            return null;
        }
        String plain = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder cleaned = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            boolean printable = c >= 0x20 && c <= 0x7e;
            cleaned.append(!printable || c == '*' || c == profile.segmentTerminator() ? ' ' : c);
        }
        String text = cleaned.toString().trim().replaceAll(" {2,}", " ");
        if (upperCase && profile.upperCase()) {
            text = text.toUpperCase(Locale.ROOT);
        }
        return text.isEmpty() ? null : text;
    }

    private void requireNotFinished() {
        if (finished) {
            throw new IllegalStateException("the ASAP file is finished (TT written)");
        }
    }

    private static String firstNonNull(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static String decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String digits(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    /** ZIP or ZIP+4, digits only. */
    private static String postalCode(String code) {
        return digits(code);
    }

    /**
     * The 11-digit (5-4-2) form of a hyphenated NDC: the short segment is padded with a leading zero
     * (4-4-2 to 04-4-2, 5-3-2 to 5-03-2, 5-4-1 to 5-4-01). ASAP wants the NDC without punctuation.
     */
    static String ndc11(String ndc) {
        if (ndc == null) {
            return null;
        }
        if (ndc.matches("[0-9]{11}")) {
            return ndc;
        }
        String[] parts = ndc.split("-");
        if (parts.length != 3 || !ndc.matches("[0-9-]+")) {
            throw new IllegalArgumentException("not an NDC with its hyphens: " + ndc);
        }
        String labeler = pad(parts[0], 5, ndc);
        String product = pad(parts[1], 4, ndc);
        String pack = pad(parts[2], 2, ndc);
        return labeler + product + pack;
    }

    private static String pad(String part, int width, String ndc) {
        if (part.isEmpty() || part.length() > width || part.length() < width - 1) {
            throw new IllegalArgumentException("not an NDC in 4-4-2, 5-3-2, 5-4-1 or 5-4-2 layout: " + ndc);
        }
        return part.length() == width ? part : "0" + part;
    }
}
