package org.doseledger.projections.export.pdmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.doseledger.projections.export.pdmp.Asap42Validator.RecordKey;
import org.doseledger.projections.export.pdmp.Asap42Validator.Rule;
import org.doseledger.projections.export.pdmp.Asap42Validator.Violation;
import org.junit.jupiter.api.Test;

/** Each broken file breaks one rule once; the validator names that rule and no other. */
class Asap42ValidatorTest {

    private static final RecordKey TROCHES_KEY =
            new RecordKey("BK1234563", "5f0c2a9e-1b7d-4c1e-9a57-0d3f2b8c6e11", "20260309", "0", "71101025001");
    private static final RecordKey SOLUTION_KEY =
            new RecordKey("BK1234563", "a8e4d6b2-7c31-4f0a-8d9e-2b6c1f5a3d77", "20260320", "0", "00409205105");

    @Test
    void acceptsTheWritersFiles() throws IOException {
        assertThat(validator().validate(march())).isEmpty();
        assertThat(validator().validate(AsapScenario.may(AsapStateProfile.DEFAULT)))
                .isEmpty();
        assertThat(validator().validate(AsapScenario.april(AsapStateProfile.DEFAULT)))
                .isEmpty();
    }

    @Test
    void aTerminatorOtherThanTheDeclaredOneIsRefused() throws IOException {
        String declaresBackslash = march().replace("*P**~~", "*P**\\\\");

        assertThat(rules(validator().validate(declaresBackslash))).containsExactly(Rule.TERMINATOR);
    }

    @Test
    void anUnterminatedLastSegmentIsRefused() throws IOException {
        String file = march();

        assertThat(rules(validator().validate(file.substring(0, file.length() - 1))))
                .containsExactly(Rule.TERMINATOR);
    }

    @Test
    void segmentsOutOfOrderAreRefused() throws IOException {
        String airBeforePre = march().replace(
                        "PRE**FD9876547**TX-M12345*OKAFOR*MARIA~AIR******01*O'BRIEN*KIM***02~",
                        "AIR******01*O'BRIEN*KIM***02~PRE**FD9876547**TX-M12345*OKAFOR*MARIA~");

        assertThat(rules(validator().validate(airBeforePre))).containsOnly(Rule.SEGMENT_ORDER);
    }

    @Test
    void anUnknownSegmentIsRefused() throws IOException {
        String file = AsapScenario.may(AsapStateProfile.DEFAULT).replace("~CDI*~", "~CDX*~");

        assertThat(rules(validator().validate(file))).containsExactly(Rule.UNKNOWN_SEGMENT);
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        assertThat(rules(validator().validate(march().replace("TH*4.2*", "TH*4.1*"))))
                .containsExactly(Rule.VERSION);
    }

    @Test
    void aWrongPharmacyTrailerCountIsRefused() throws IOException {
        assertThat(rules(validator().validate(march().replace("~TP*9~", "~TP*8~"))))
                .containsExactly(Rule.TP_COUNT);
    }

    @Test
    void aWrongTransactionTrailerCountIsRefused() throws IOException {
        String file = march().replace("*DL202604010001*12~", "*DL202604010001*11~");

        assertThat(rules(validator().validate(file))).containsExactly(Rule.TT_COUNT);
    }

    @Test
    void aTrailerControlNumberOtherThanTheHeadersIsRefused() throws IOException {
        String file = march().replace("TT*DL202604010001*", "TT*DL202604010002*");

        assertThat(rules(validator().validate(file))).containsExactly(Rule.CONTROL_NUMBER);
    }

    @Test
    void aMissingRequiredElementIsRefused() throws IOException {
        String file = march().replace("PAT*******NUNEZ*JOSE*", "PAT*******NUNEZ**");

        List<Violation> violations = validator().validate(file);

        assertThat(rules(violations)).containsExactly(Rule.REQUIRED_ELEMENT);
        assertThat(violations.get(0).message()).startsWith("PAT08");
    }

    @Test
    void aStateRequiredElementIsRequired() throws IOException {
        List<Violation> violations = new Asap42Validator(AsapStateProfile.DEFAULT.requiring("PAT19")).validate(march());

        assertThat(rules(violations)).containsExactly(Rule.REQUIRED_ELEMENT);
        assertThat(violations.get(0).message()).startsWith("PAT19");
    }

    @Test
    void anUnknownReportingStatusIsRefused() throws IOException {
        assertThat(rules(validator().validate(march().replace("DSP*00*5f0c", "DSP*03*5f0c"))))
                .containsExactly(Rule.REPORTING_STATUS);
    }

    @Test
    void aVoidWithNoOriginalIsRefused() throws IOException {
        String april = AsapScenario.april(AsapStateProfile.DEFAULT);

        assertThat(rules(new Asap42Validator(AsapStateProfile.DEFAULT)
                        .knownOriginal(TROCHES_KEY)
                        .validate(april)))
                .containsExactly(Rule.ORIGINAL_MISSING);
    }

    @Test
    void aVoidMustRepeatTheOriginalsKeys() throws IOException {
        String voidOfAnotherDay = AsapScenario.april(AsapStateProfile.DEFAULT)
                .replace(
                        "DSP*02*a8e4d6b2-7c31-4f0a-8d9e-2b6c1f5a3d77*20260320*0*20260320*",
                        "DSP*02*a8e4d6b2-7c31-4f0a-8d9e-2b6c1f5a3d77*20260320*0*20260321*");

        assertThat(rules(validator().validate(voidOfAnotherDay))).containsExactly(Rule.ORIGINAL_KEYS);
    }

    @Test
    void originalsOfEarlierFilesInTheCorpusCount() throws IOException {
        Asap42Validator corpus = new Asap42Validator(AsapStateProfile.DEFAULT);

        assertThat(corpus.validate(march())).isEmpty();
        assertThat(corpus.validate(AsapScenario.april(AsapStateProfile.DEFAULT)))
                .isEmpty();
    }

    private static Asap42Validator validator() {
        return new Asap42Validator(AsapStateProfile.DEFAULT)
                .knownOriginal(TROCHES_KEY)
                .knownOriginal(SOLUTION_KEY);
    }

    private static String march() throws IOException {
        return AsapScenario.march(AsapStateProfile.DEFAULT);
    }

    private static List<Rule> rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).toList();
    }
}
