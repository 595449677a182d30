package org.doseledger.api.generator;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened in a generated practice, as the write practice software sends for it: the
 * endpoint, its JSON body and the practitioner acting. Ids the ledger chooses (draw, consent,
 * discrepancy ids) are not known in advance: a fact that creates one names it in {@code keepIdAs}, a
 * fact whose first event a later correction needs names it in {@code keepEventIdAs}, and later facts
 * refer to them as {@code {id:name}} or {@code {event:name}} in the path or in string body values.
 *
 * @param kind what happened, e.g. DRAW, ADMINISTRATION, COUNT
 * @param practiceId the practice; a REGISTER_PRACTICE fact creates it
 * @param path the endpoint, absolute (e.g. {@code /api/practices/demo-1/clients})
 * @param body the JSON body, in the order the fields are written
 * @param practitionerId the practitioner acting (the X-Practitioner-Id header), or null
 * @param occurredAt when it happened in the practice
 */
public record PracticeFact(
        String kind,
        String practiceId,
        String path,
        Map<String, Object> body,
        String practitionerId,
        Instant occurredAt,
        String keepIdAs,
        String keepEventIdAs) {

    public static final String REGISTER_PRACTICE = "REGISTER_PRACTICE";
}
