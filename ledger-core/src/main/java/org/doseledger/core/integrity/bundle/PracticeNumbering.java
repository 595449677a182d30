package org.doseledger.core.integrity.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.doseledger.core.integrity.StoredEvent;
import org.doseledger.core.integrity.VerificationReport;

/**
 * Checks, while the verification reads the ledger in order, that every practice's events are numbered 1, 2,
 * 3... without a gap (metadata {@code practiceSequence}) from the practice's first numbered event on, and that
 * no event of a practice is left without a number after that: what an export's completeness rests on
 * (docs/exports.md). An event belongs to a practice when its payload's {@code practiceId}, or its {@code
 * lot}'s, is that practice's id. Events written before numbering began have none and are not counted.
 */
public final class PracticeNumbering {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUMBER = "\"practiceSequence\":\"";
    private static final String PRACTICE = "\"practiceId\":\"";

    private final Map<String, Long> last = new HashMap<>();
    private VerificationReport.Failure failure;

    /** The events, checked as they pass. */
    public Iterator<StoredEvent> watch(Iterator<StoredEvent> events) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public StoredEvent next() {
                StoredEvent event = events.next();
                check(event);
                return event;
            }
        };
    }

    public void check(StoredEvent event) {
        if (failure != null) {
            return;
        }
        String metaData = event.metaData() == null ? "" : new String(event.metaData(), StandardCharsets.UTF_8);
        String number = value(metaData, NUMBER);
        if (number != null) {
            String practice = value(metaData, PRACTICE);
            long sequence;
            try {
                sequence = Long.parseLong(number);
            } catch (NumberFormatException e) {
                fail(event, "its practice number '" + number + "' is not a number");
                return;
            }
            long expected = last.getOrDefault(practice, 0L) + 1;
            if (sequence != expected) {
                fail(
                        event,
                        "it is number " + sequence + " of practice " + practice + " where " + expected + " was due");
                return;
            }
            last.put(practice, sequence);
            return;
        }
        String payload = event.payload() == null ? "" : new String(event.payload(), StandardCharsets.UTF_8);
        if (!payload.contains(PRACTICE)) {
            return;
        }
        String practice = practiceOf(payload);
        if (practice != null && last.containsKey(practice)) {
            fail(event, "it is an event of practice " + practice + ", whose events are numbered, and has no number");
        }
    }

    /** The report, with the first numbering failure as its completeness failure when it had none. */
    public VerificationReport apply(VerificationReport report) {
        if (failure == null || !report.completenessOk()) {
            return report;
        }
        return new VerificationReport(
                report.integrityOk(),
                false,
                report.eventsChecked(),
                report.checkpointsChecked(),
                report.lastSealedIndex(),
                report.unsealedEvents(),
                report.integrityFailure(),
                failure);
    }

    private void fail(StoredEvent event, String detail) {
        failure = new VerificationReport.Failure(
                "PRACTICE_NUMBERING",
                event.globalIndex(),
                null,
                "the event at position " + event.globalIndex() + " breaks its practice's numbering: " + detail);
    }

    private static String practiceOf(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            JsonNode practice = node.path("practiceId");
            if (!practice.isTextual()) {
                practice = node.path("lot").path("practiceId");
            }
            return practice.isTextual() ? practice.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The string value of a key in compact JSON, found without parsing. */
    private static String value(String json, String key) {
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }
}
