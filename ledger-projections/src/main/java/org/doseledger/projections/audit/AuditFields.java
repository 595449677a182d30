package org.doseledger.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filterable facts of one event, read from its JSON payload: the practice, client and location it
 * is about, and every practitioner it names. Practitioners are the values of {@code practitionerId},
 * {@code therapistId} and of any field ending in {@code By} (drawnBy, witnessedBy, cosignedBy...),
 * nested objects and arrays included, except the two {@code By} fields that hold no practitioner id.
 */
record AuditFields(
        String practiceId,
        String clientId,
        String locationId,
        String ndc,
        String substance,
        Set<String> practitioners) {

    private static final Set<String> NOT_PRACTITIONERS = Set.of("signedBy", "supersededBy");

    static AuditFields of(JsonNode payload, Object metadataPractitioner) {
        JsonNode lot = payload.path("lot");
        Set<String> practitioners = new TreeSet<>();
        collectPractitioners(payload, practitioners);
        if (metadataPractitioner != null) {
            practitioners.add(metadataPractitioner.toString());
        }
        return new AuditFields(
                text(payload.path("practiceId"), lot.path("practiceId")),
                text(payload.path("clientId")),
                text(lot.path("locationId"), payload.path("locationId")),
                text(lot.path("ndc"), payload.path("ndc")),
                text(payload.path("substance")),
                practitioners);
    }

    private static void collectPractitioners(JsonNode node, Set<String> into) {
        if (node.isArray()) {
            node.forEach(element -> collectPractitioners(element, into));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (namesPractitioner(field.getKey())) {
                if (value.isTextual()) {
                    into.add(value.asText());
                } else if (value.isArray()) {
                    value.forEach(element -> {
                        if (element.isTextual()) {
                            into.add(element.asText());
                        }
                    });
                }
            } else if (value.isContainerNode()) {
                collectPractitioners(value, into);
            }
        }
    }

    private static boolean namesPractitioner(String field) {
        return field.equals("practitionerId")
                || field.equals("therapistId")
                || (field.endsWith("By") && !NOT_PRACTITIONERS.contains(field));
    }

    private static String text(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isEmpty()) {
                return candidate.asText();
            }
        }
        return null;
    }
}
