package org.doseledger.projections.stock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A postal address (as stored JSON) on one line: "135 Duryea Rd, Suite 2, Melville, NY 11747". */
public final class AddressText {

    private AddressText() {}

    public static String of(JsonNode address) {
        if (address == null || address.isMissingNode() || address.isNull()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("line1", "line2", "city")) {
            String value = address.path(field).asText("");
            if (!value.isBlank()) {
                parts.add(value);
            }
        }
        String state = address.path("state").asText("");
        String postalCode = address.path("postalCode").asText("");
        String last = (state + " " + postalCode).strip();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return String.join(", ", parts);
    }
}
