package org.doseledger.projections.export.pdmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;

/**
 * A fixed scenario: a practice dispensed two take-home doses in March 2026 (troches to one client, oral
 * solution to another); in April the first was corrected to fewer troches (revise) and the second was
 * found never to have left the practice (void); in May nothing was dispensed (zero report).
 */
final class AsapScenario {

    static final AsapDispenser PRACTICE = new AsapDispenser(
            null,
            null,
            "BK1234563",
            "Riverside Ketamine Therapy",
            new PostalAddress("200 River Rd", "Suite 4", "Austin", "TX", "78701-1234"),
            "(512) 555-0100",
            "Dana Reyes");

    static final AsapPrescriber PRESCRIBER =
            new AsapPrescriber(null, "FD9876547", "TX-M12345", new PersonName("Maria", null, "Okafor"), null);

    static final AsapPatient JOSE = new AsapPatient(
            new PersonName("José", "A", "Núñez"),
            new PostalAddress("12 Elm St", null, "Austin", "TX", "78702"),
            "512-555-0142",
            LocalDate.of(1984, 2, 29),
            null);

    static final AsapPatient KIM = new AsapPatient(
            new PersonName("Kim", null, "O'Brien"),
            new PostalAddress("9 Oak Ave", "Apt 3", "Round Rock", "TX", "78664"),
            null,
            LocalDate.of(1990, 11, 5),
            AsapGender.FEMALE);

    static final AsapDispensation TROCHES = new AsapDispensation(
            AsapReportingStatus.NEW,
            "5f0c2a9e-1b7d-4c1e-9a57-0d3f2b8c6e11",
            LocalDate.of(2026, 3, 9),
            0,
            LocalDate.of(2026, 3, 9),
            0,
            "71101-0250-1",
            new BigDecimal("6"),
            AsapDosageUnit.EACH,
            14,
            AsapRxOrigin.WRITTEN,
            null,
            null,
            "TX-M12345",
            null,
            JOSE,
            PRESCRIBER,
            List.of(),
            null);

    static final AsapDispensation SOLUTION = new AsapDispensation(
            AsapReportingStatus.NEW,
            "a8e4d6b2-7c31-4f0a-8d9e-2b6c1f5a3d77",
            LocalDate.of(2026, 3, 20),
            0,
            LocalDate.of(2026, 3, 20),
            0,
            "0409-2051-05",
            new BigDecimal("2.500"),
            AsapDosageUnit.MILLILITRES,
            7,
            AsapRxOrigin.WRITTEN,
            AsapPaymentType.PRIVATE_PAY,
            null,
            "TX-M12345",
            null,
            KIM,
            PRESCRIBER,
            List.of(),
            AsapAdditionalInformation.pickedUpBy(new PersonName("Kim", null, "O'Brien"), "01"));

    static final AsapSubmission MARCH =
            submission("DL202604010001", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    static final AsapSubmission APRIL =
            submission("DL202605010001", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
    static final AsapSubmission MAY = submission("DL202606010001", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));

    private AsapScenario() {}

    private static AsapSubmission submission(String controlNumber, LocalDate start, LocalDate end) {
        return new AsapSubmission(
                controlNumber,
                end.plusDays(1).atTime(6, 30, 5),
                AsapFileType.PRODUCTION,
                "5125550100",
                "Riverside Ketamine Therapy",
                start,
                end);
    }

    static String march(AsapStateProfile profile) throws IOException {
        return file(profile, MARCH, List.of(TROCHES, SOLUTION));
    }

    static String april(AsapStateProfile profile) throws IOException {
        return file(profile, APRIL, List.of(TROCHES.revised(new BigDecimal("4")), SOLUTION.voided()));
    }

    static String may(AsapStateProfile profile) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Asap42Writer.writeZeroReport(bytes, profile, MAY, PRACTICE);
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    static String file(AsapStateProfile profile, AsapSubmission submission, List<AsapDispensation> records)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Asap42Writer writer = Asap42Writer.start(bytes, profile, submission);
        writer.dispenser(PRACTICE);
        for (AsapDispensation record : records) {
            writer.dispensation(record);
        }
        writer.finish();
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
