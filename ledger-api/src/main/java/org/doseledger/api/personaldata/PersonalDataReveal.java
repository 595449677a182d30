package org.doseledger.api.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doseledger.api.personaldata.ClientDataKeys.DataKey;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.projections.timeline.ClientTimelineView;
import org.doseledger.projections.timeline.TimelineEntryView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the sealed personal data in what an authorized reader is shown. Read models keep the sealed
 * form (as the events do); each sealed item is replaced by its plaintext here, on the way out. When the
 * client's key was shredded the item reads as null and the entry says {@code "personalData": "SHREDDED"};
 * a key or item that does not open reads as null with {@code "UNREADABLE"}, never as an error.
 */
@Component
public class PersonalDataReveal {

    public static final String MARKER = "personalData";
    public static final String SHREDDED = "SHREDDED";
    public static final String UNREADABLE = "UNREADABLE";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataReveal.class);

    private final ClientDataKeys keys;

    PersonalDataReveal(ClientDataKeys keys) {
        this.keys = keys;
    }

    public ClientTimelineView reveal(ClientTimelineView view) {
        ClientRef client = new ClientRef(PracticeId.of(view.practiceId()), view.clientId());
        if (view.entries().stream().noneMatch(entry -> holdsSealed(entry.details()))) {
            return view;
        }
        Key key = key(client);
        List<TimelineEntryView> entries = new ArrayList<>(view.entries().size());
        for (TimelineEntryView entry : view.entries()) {
            entries.add(holdsSealed(entry.details()) ? revealed(entry, client, key) : entry);
        }
        return new ClientTimelineView(
                view.practiceId(), view.clientId(), entries, view.offset(), view.limit(), view.total());
    }

    private TimelineEntryView revealed(TimelineEntryView entry, ClientRef client, Key key) {
        ObjectNode details = entry.details().deepCopy();
        String problem = null;
        for (Map.Entry<String, JsonNode> field : List.copyOf(iterable(entry.details()))) {
            Optional<SealedPersonalData> sealed = sealed(field.getValue());
            if (sealed.isEmpty()) {
                continue;
            }
            if (sealed.get().isNotSealed()) {
                // recorded in plaintext before its event sealed it: shown as recorded, whatever the key
                details.set(field.getKey(), notSealed(sealed.get()));
                continue;
            }
            if (key.problem() != null) {
                details.putNull(field.getKey());
                problem = key.problem();
                continue;
            }
            try {
                details.set(field.getKey(), keys.open(key.key(), client, field.getKey(), sealed.get()));
            } catch (UnreadablePersonalDataException e) {
                log.error("Personal data of {} in event {} does not open: {}", client, entry.eventId(), e.getMessage());
                details.putNull(field.getKey());
                problem = UNREADABLE;
            }
        }
        if (problem != null) {
            details.put(MARKER, problem);
        }
        return new TimelineEntryView(
                entry.ledgerPosition(),
                entry.eventId(),
                entry.eventType(),
                entry.occurredAt(),
                entry.recordedAt(),
                entry.credentialId(),
                entry.practitionerId(),
                entry.requestId(),
                details,
                entry.corrections());
    }

    private static JsonNode notSealed(SealedPersonalData item) {
        try {
            return PLAIN.readTree(item.plaintextJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return PLAIN.getNodeFactory().textNode(item.plaintextJson());
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The client's key, or why there is none to open items with. */
    private record Key(DataKey key, String problem) {}

    private Key key(ClientRef client) {
        try {
            return keys.find(client)
                    .map(found -> found.shredded() ? new Key(null, SHREDDED) : new Key(found, null))
                    .orElseGet(() -> {
                        log.error("Client {} has sealed personal data but no data key", client);
                        return new Key(null, UNREADABLE);
                    });
        } catch (UnreadablePersonalDataException e) {
            log.error("The data key of {} does not unwrap with this master key: {}", client, e.getMessage());
            return new Key(null, UNREADABLE);
        }
    }

    private static boolean holdsSealed(JsonNode details) {
        if (details == null || !details.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : iterable(details)) {
            if (sealed(field.getValue()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** A field holds a sealed item when it has exactly the three fields of {@link SealedPersonalData}. */
    static Optional<SealedPersonalData> sealed(JsonNode node) {
        if (node == null
                || !node.isObject()
                || node.size() != 3
                || !node.path("keyId").isTextual()
                || !node.path("nonce").isTextual()
                || !node.path("ciphertext").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new SealedPersonalData(
                node.get("keyId").asText(),
                node.get("nonce").asText(),
                node.get("ciphertext").asText()));
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        return fields;
    }
}
