package org.doseledger.core.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.VerificationReport;
import org.junit.jupiter.api.Test;

/** The verification finds a practice's numbering broken: a gap, a repeat, or an event left without a number. */
class PracticeNumberingTest {

    private static final VerificationReport PASSED = new VerificationReport(true, true, 5, 1, 5, 0, null, null);

    @Test
    void numberedEventsInOrderAndEventsOfNoPracticePass() {
        VerificationReport report = run(
                unnumbered(1, "{\"practiceId\":\"springfield\",\"name\":\"before numbering began\"}"),
                numbered(2, "springfield", 1),
                unnumbered(3, "{\"keyId\":\"k-1\",\"practiceId\":null}"),
                numbered(4, "shelbyville", 1),
                numbered(5, "springfield", 2));

        assertThat(report.ok()).isTrue();
    }

    @Test
    void aGapInAPracticesNumbersIsFound() {
        VerificationReport report = run(numbered(1, "springfield", 1), numbered(2, "springfield", 3));

        assertThat(report.completenessOk()).isFalse();
        assertThat(report.completenessFailure().code()).isEqualTo("PRACTICE_NUMBERING");
        assertThat(report.completenessFailure().position()).isEqualTo(2);
        assertThat(report.completenessFailure().detail()).contains("number 3 of practice springfield where 2 was due");
    }

    @Test
    void anEventOfANumberedPracticeWithoutANumberIsFound() {
        VerificationReport report = run(
                numbered(1, "springfield", 1),
                unnumbered(2, "{\"lot\":{\"practiceId\":\"springfield\",\"lotNumber\":\"L1\"},\"quantity\":1}"));

        assertThat(report.completenessFailure().code()).isEqualTo("PRACTICE_NUMBERING");
        assertThat(report.completenessFailure().detail()).contains("has no number");
    }

    @Test
    void anEarlierFailureOfTheVerificationComesFirst() {
        PracticeNumbering numbering = new PracticeNumbering();
        numbering.watch(List.of(numbered(1, "springfield", 2)).iterator()).next();
        VerificationReport.Failure deleted = new VerificationReport.Failure("EVENT_DELETED", 1L, 1L, "gone");

        VerificationReport report = numbering.apply(new VerificationReport(true, false, 1, 1, 1, 0, null, deleted));

        assertThat(report.completenessFailure()).isEqualTo(deleted);
    }

    private static VerificationReport run(StoredEvent... events) {
        PracticeNumbering numbering = new PracticeNumbering();
        numbering.watch(List.of(events).iterator()).forEachRemaining(event -> {});
        return numbering.apply(PASSED);
    }

    private static StoredEvent numbered(long position, String practice, long number) {
        return event(
                position,
                "{\"practiceId\":\"" + practice + "\"}",
                "{\"credentialId\":\"k\",\"practiceId\":\"" + practice + "\",\"practiceSequence\":\"" + number + "\"}");
    }

    private static StoredEvent unnumbered(long position, String payload) {
        return event(position, payload, "{\"credentialId\":\"k\"}");
    }

    private static StoredEvent event(long position, String payload, String metaData) {
        return new StoredEvent(
                position,
                "e-" + position,
                "stream-" + position,
                0,
                "T",
                "T",
                "1",
                "2026-12-07T00:00:00Z",
                payload.getBytes(StandardCharsets.UTF_8),
                metaData.getBytes(StandardCharsets.UTF_8),
                new byte[32],
                new byte[32]);
    }
}
