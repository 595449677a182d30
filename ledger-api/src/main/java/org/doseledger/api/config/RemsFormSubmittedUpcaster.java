package org.doseledger.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.doseledger.core.session.api.RemsFormSubmittedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * RemsFormSubmittedEvent revision 1 recorded the form's submission without its answers (sedation,
 * dissociation, respiratory depression, vital signs acceptable, ready to leave after). Revision 2 has
 * them; a stored revision 1 reads back with the answers null ("not recorded"), never as "no". Registered in Axon's upcaster chain as a Spring bean.
 */
@Component
@Order(0)
public class RemsFormSubmittedUpcaster extends SingleEventUpcaster {

    static final String TYPE = RemsFormSubmittedEvent.class.getName();
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            event.putNull("sedation");
            event.putNull("dissociation");
            event.putNull("respiratoryDepression");
            event.putNull("vitalSignsAcceptableBeforeAdministration");
            event.putNull("vitalSignsAcceptableAtCompletion");
            event.putNull("readyToLeaveAfterMinutes");
            return event;
        });
    }
}
