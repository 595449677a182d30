package org.doseledger.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.doseledger.core.client.api.ConsentRevokedEvent;
import org.doseledger.core.client.api.ConsentSignedEvent;
import org.doseledger.core.client.api.MedicalClearanceRecordedEvent;
import org.doseledger.core.client.api.TreatmentPlanAmendedEvent;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.DosingSessionCancelledEvent;
import org.doseledger.core.session.api.ObservationRecordedEvent;
import org.doseledger.core.shared.SealedPersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Revision 1 of the events in {@link #FIELDS} (a consent's signer and witness, a clearance's clinician and
 * conditions, the reasons of a revoked consent, an amended plan and a cancelled session, a session's
 * observations and the escort at discharge) held those free-text fields in plaintext; revision 2 seals
 * them under the client's data key. Events are never rewritten, so a stored revision 1 reads back with each such
 * field as an item {@link SealedPersonalData#NOT_SEALED not sealed}: the same shape, the plaintext in it,
 * shown as recorded and not reached by shredding (docs/personal-data.md). Registered in Axon's upcaster
 * chain as a Spring bean.
 */
@Component
@Order(1)
public class FreeTextNamesUpcaster extends SingleEventUpcaster {

    static final Map<String, List<String>> FIELDS = Map.of(
            ConsentSignedEvent.class.getName(), List.of("signedBy", "witnessedBy"),
            MedicalClearanceRecordedEvent.class.getName(), List.of("clinician", "conditions"),
            ConsentRevokedEvent.class.getName(), List.of("reason"),
            TreatmentPlanAmendedEvent.class.getName(), List.of("reason"),
            ObservationRecordedEvent.class.getName(), List.of("description", "actionTaken"),
            ClientDischargedEvent.class.getName(), List.of("escort"),
            DosingSessionCancelledEvent.class.getName(), List.of("reason"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return FIELDS.containsKey(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(new SimpleSerializedType(type, "2"), JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            for (String field : FIELDS.get(type)) {
                JsonNode value = event.get(field);
                if (value != null && !value.isNull()) {
                    event.set(field, JSON.valueToTree(SealedPersonalData.notSealed(value.toString())));
                }
            }
            return event;
        });
    }
}
