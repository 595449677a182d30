package org.doseledger.core.integrity.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.doseledger.core.integrity.StoredEvent;

/**
 * Rebuilds a record of the dispensing record from the event it names and compares: the entry type from the
 * event's type, and every column the event itself holds (time, lot, quantity, milligrams, route, client,
 * practitioner, prescriber, session, draw or dispensation, late entry; for a correction the event corrected
 * and the reason). Names and addresses come from registries and are not compared (docs/exports.md), nor is a
 * correction's reason that the event holds sealed under the client's data key.
 */
final class DoseRecordCheck {

    private static final String ADMINISTERED = "org.doseledger.core.stock.api.DoseAdministeredEvent";
    private static final String DISPENSED = "org.doseledger.core.stock.api.DoseDispensedEvent";
    private static final String CORRECTED = "org.doseledger.core.stock.api.EntryCorrectedEvent";

    private DoseRecordCheck() {}

    /** A dose of the dispensing record: administered, dispensed, or the correction of either. */
    static boolean isDose(StoredEvent event, JsonNode payload) {
        return switch (event.payloadType()) {
            case ADMINISTERED, DISPENSED -> true;
            case CORRECTED ->
                List.of("ADMINISTERED", "DISPENSED")
                        .contains(payload.path("correctedMovement").asText());
            default -> false;
        };
    }

    static String entryType(StoredEvent event) {
        return switch (event.payloadType()) {
            case ADMINISTERED -> "ADMINISTERED";
            case DISPENSED -> "DISPENSED";
            case CORRECTED -> "CORRECTION";
            default -> event.payloadType();
        };
    }

    static boolean inPeriod(JsonNode payload, Instant from, Instant to) {
        Instant occurred = ExportBundleVerifier.instant(payload.get("occurredAt"));
        return occurred != null && !occurred.isBefore(from) && occurred.isBefore(to);
    }

    /** Compares; adds one problem naming every column that differs. Returns whether the record matches. */
    static boolean compare(
            long number, JsonNode record, StoredEvent event, JsonNode payload, ExportBundleVerifier.Problems problems) {
        List<String> differ = new ArrayList<>();
        if (!isDose(event, payload)) {
            problems.add("RECORD_ALTERED: record " + number + " names the event at position " + event.globalIndex()
                    + ", which is a " + event.payloadType() + ", not a dose");
            return false;
        }
        text(differ, record, "entryType", entryType(event));
        JsonNode lot = payload.path("lot");
        text(differ, record, "ndc", lot.path("ndc").asText(null));
        text(differ, record, "lotNumber", lot.path("lotNumber").asText(null));
        text(differ, record, "locationId", lot.path("locationId").asText(null));
        if (!Objects.equals(
                ExportBundleVerifier.instant(record.get("occurredAt")),
                ExportBundleVerifier.instant(payload.get("occurredAt")))) {
            differ.add("occurredAt");
        }
        if (record.path("lateEntry").asBoolean() != hasValue(payload.get("lateEntry"))) {
            differ.add("lateEntry");
        }
        switch (event.payloadType()) {
            case ADMINISTERED -> {
                dose(differ, record, payload);
                text(
                        differ,
                        record,
                        "practitionerId",
                        payload.path("administeredBy").asText(null));
                text(differ, record, "sessionId", payload.path("sessionId").asText(null));
                text(differ, record, "entryId", payload.path("drawId").asText(null));
            }
            case DISPENSED -> {
                dose(differ, record, payload);
                text(
                        differ,
                        record,
                        "practitionerId",
                        payload.path("dispensedBy").asText(null));
                text(
                        differ,
                        record,
                        "prescribedBy",
                        payload.path("prescribedBy").asText(null));
                text(differ, record, "entryId", payload.path("dispensationId").asText(null));
            }
            default -> {
                text(
                        differ,
                        record,
                        "correctsEventId",
                        payload.path("correctedEventId").asText(null));
                if (!payload.path("sealedReason").isObject()) {
                    // a reason about a client is sealed in the event: personal data, opened for the
                    // export with the client's key, which the verifier does not hold; not compared, as names
                    text(
                            differ,
                            record,
                            "correctionReason",
                            payload.path("reason").asText(null));
                }
                decimal(
                        differ,
                        record,
                        "quantity",
                        payload.path("correctedQuantity").get("amount"));
                text(
                        differ,
                        record,
                        "unit",
                        payload.path("correctedQuantity").path("unit").asText(null));
            }
        }
        if (differ.isEmpty()) {
            return true;
        }
        problems.add("RECORD_ALTERED: record " + number + " (ledger position " + event.globalIndex()
                + ") differs from its event in " + String.join(", ", differ));
        return false;
    }

    private static void dose(List<String> differ, JsonNode record, JsonNode payload) {
        decimal(differ, record, "quantity", payload.path("quantity").get("amount"));
        text(differ, record, "unit", payload.path("quantity").path("unit").asText(null));
        decimal(differ, record, "milligrams", payload.get("milligrams"));
        text(differ, record, "route", payload.path("route").asText(null));
        text(differ, record, "clientId", payload.path("clientId").asText(null));
    }

    private static void text(List<String> differ, JsonNode record, String column, String expected) {
        JsonNode value = record.get(column);
        String actual = value == null || value.isNull() ? null : value.asText();
        if (!ExportBundleVerifier.same(actual, expected)) {
            differ.add(column);
        }
    }

    private static void decimal(List<String> differ, JsonNode record, String column, JsonNode expected) {
        BigDecimal actual = ExportBundleVerifier.decimal(record.get(column));
        BigDecimal wanted = ExportBundleVerifier.decimal(expected);
        if (actual == null ? wanted != null : wanted == null || actual.compareTo(wanted) != 0) {
            differ.add(column);
        }
    }

    private static boolean hasValue(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
