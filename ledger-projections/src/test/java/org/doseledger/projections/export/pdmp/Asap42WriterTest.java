package org.doseledger.projections.export.pdmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Asap42WriterTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/asap");

    @Test
    void marchFileMatchesTheGoldenFile() throws IOException {
        assertGolden("take-home-2026-03.txt", AsapScenario.march(AsapStateProfile.DEFAULT));
    }

    @Test
    void correctionsFileMatchesTheGoldenFile() throws IOException {
        assertGolden("corrections-2026-04.txt", AsapScenario.april(AsapStateProfile.DEFAULT));
    }

    @Test
    void zeroReportMatchesTheGoldenFile() throws IOException {
        assertGolden("zero-report-2026-05.txt", AsapScenario.may(AsapStateProfile.DEFAULT));
    }

    @Test
    void strictProfileFileMatchesTheGoldenFile() throws IOException {
        AsapStateProfile profile = AsapStateProfile.EXAMPLE_STRICT.withInformationSource("TX0000123", null);
        assertGolden(
                "take-home-2026-03-example-strict.txt",
                AsapScenario.file(profile, AsapScenario.MARCH, List.of(withNpi(AsapScenario.TROCHES))));
    }

    @Test
    void theScenarioPassesTheValidatorAsOneCorpus() throws IOException {
        Asap42Validator validator = new Asap42Validator(AsapStateProfile.DEFAULT);

        assertThat(validator.validate(AsapScenario.march(AsapStateProfile.DEFAULT)))
                .isEmpty();
        assertThat(validator.validate(AsapScenario.april(AsapStateProfile.DEFAULT)))
                .isEmpty();
        assertThat(validator.validate(AsapScenario.may(AsapStateProfile.DEFAULT)))
                .isEmpty();
    }

    @Test
    void aVoidRepeatsEveryElementOfTheOriginalButTheStatus() throws IOException {
        String march = AsapScenario.march(AsapStateProfile.DEFAULT);
        String april = AsapScenario.april(AsapStateProfile.DEFAULT);

        String originalDsp = segment(march, "DSP*00*a8e4d6b2");
        String voidDsp = segment(april, "DSP*02*a8e4d6b2");

        assertThat(voidDsp.substring("DSP*02".length())).isEqualTo(originalDsp.substring("DSP*00".length()));
    }

    @Test
    void aReviseRepeatsTheKeysWithTheCorrectedQuantity() throws IOException {
        String revise = segment(AsapScenario.april(AsapStateProfile.DEFAULT), "DSP*01*");

        assertThat(revise)
                .isEqualTo(
                        "DSP*01*5f0c2a9e-1b7d-4c1e-9a57-0d3f2b8c6e11*20260309*0*20260309*0*01*71101025001*4*14*01*01*00**TX-M12345");
    }

    @Test
    void valuesNeverCarryASeparatorOrTheTerminator() throws IOException {
        AsapDispensation record = AsapScenario.TROCHES;
        AsapPatient awkward = new AsapPatient(
                new org.doseledger.core.shared.PersonName("Ann*Marie", null, "Lee~Smith\nJr"),
                record.patient().address(),
                null,
                record.patient().dateOfBirth(),
                null);
        AsapDispensation withAwkwardName = new AsapDispensation(
                record.status(),
                record.prescriptionNumber(),
                record.dateWritten(),
                0,
                record.dateFilled(),
                0,
                record.ndc(),
                record.quantity(),
                record.unit(),
                record.daysSupply(),
                record.rxOrigin(),
                null,
                null,
                null,
                null,
                awkward,
                record.prescriber(),
                List.of(),
                null);

        String file = AsapScenario.file(AsapStateProfile.DEFAULT, AsapScenario.MARCH, List.of(withAwkwardName));

        assertThat(segment(file, "PAT*")).startsWith("PAT*******LEE SMITH JR*ANN MARIE*");
        assertThat(new Asap42Validator(AsapStateProfile.DEFAULT).validate(file)).isEmpty();
    }

    @Test
    void ndcsAreWrittenInTheElevenDigitLayout() {
        assertThat(Asap42Writer.ndc11("0409-2051-05")).isEqualTo("00409205105");
        assertThat(Asap42Writer.ndc11("12345-678-90")).isEqualTo("12345067890");
        assertThat(Asap42Writer.ndc11("71101-0250-1")).isEqualTo("71101025001");
        assertThat(Asap42Writer.ndc11("71101-0250-01")).isEqualTo("71101025001");
    }

    @Test
    void aStateRequiredElementWithNoDefaultStopsTheFile() throws IOException {
        StringWriter out = new StringWriter();
        Asap42Writer writer = Asap42Writer.start(out, AsapStateProfile.EXAMPLE_STRICT, AsapScenario.MARCH);
        writer.dispenser(AsapScenario.PRACTICE);

        assertThatThrownBy(() -> writer.dispensation(AsapScenario.TROCHES))
                .isInstanceOf(AsapElementMissingException.class)
                .hasMessageContaining("PRE01")
                .hasMessageContaining(AsapScenario.TROCHES.prescriptionNumber());
    }

    @Test
    void stateDefaultsFillWhatTheLedgerDoesNotRecord() throws IOException {
        String file = AsapScenario.file(
                AsapStateProfile.EXAMPLE_STRICT, AsapScenario.MARCH, List.of(withNpi(AsapScenario.TROCHES)));

        assertThat(file).startsWith("TH*4.2*DL202604010001*01**20260401*063005*P**\\\\\n");
        assertThat(segment(file, "PAT*")).endsWith("*19840229*U*01");
        assertThat(segment(file, "DSP*")).contains("*04");
        assertThat(new Asap42Validator(AsapStateProfile.EXAMPLE_STRICT).validate(file))
                .isEmpty();
    }

    @Test
    void aFileNeedsADispenser() throws IOException {
        Asap42Writer writer = Asap42Writer.start(new StringWriter(), AsapStateProfile.DEFAULT, AsapScenario.MAY);

        assertThatThrownBy(() -> writer.dispensation(AsapScenario.TROCHES)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
    }

    private static AsapDispensation withNpi(AsapDispensation record) {
        AsapPrescriber p = record.prescriber();
        return new AsapDispensation(
                record.status(),
                record.prescriptionNumber(),
                record.dateWritten(),
                0,
                record.dateFilled(),
                0,
                record.ndc(),
                record.quantity(),
                record.unit(),
                record.daysSupply(),
                record.rxOrigin(),
                null,
                null,
                record.dispenserStateLicence(),
                null,
                record.patient(),
                new AsapPrescriber("1234567893", p.deaNumber(), p.stateLicenceNumber(), p.name(), p.phone()),
                List.of(),
                null);
    }

    /** The first segment starting with the prefix, without its terminator. */
    static String segment(String file, String prefix) {
        char terminator = file.charAt(file.indexOf("*P**") + 4);
        for (String segment : file.substring(file.indexOf(terminator, file.indexOf("*P**") + 5) + 1)
                .split(java.util.regex.Pattern.quote(String.valueOf(terminator)))) {
            String trimmed = segment.strip();
            if (trimmed.startsWith(prefix)) {
                return trimmed;
            }
        }
        throw new AssertionError("no segment starting " + prefix + " in " + file);
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (!Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.US_ASCII);
            fail("golden file " + golden + " was missing and has been written: review it against the guide and rerun");
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.US_ASCII));
    }
}
