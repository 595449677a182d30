package org.doseledger.projections.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.projections.personaldata.ClientDataKeys.DataKey;
import org.doseledger.projections.timeline.ClientTimelineView;
import org.doseledger.projections.timeline.TimelineEntryView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the sealed personal data in what an authorized reader is shown. Read models keep the sealed
 * form (as the events do); each sealed item is replaced by its plaintext here, on the way out. When the
 * client's key was shredded the item reads as null and the entry says {@code "personalData": "SHREDDED"};
 * a key or item that does not open reads as null with {@code "UNREADABLE"}, never as an error.
 */
public class PersonalDataReveal {

    public static final String MARKER = "personalData";
    public static final String SHREDDED = "SHREDDED";
    public static final String UNREADABLE = "UNREADABLE";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataReveal.class);

    private final ClientDataKeys keys;

    public PersonalDataReveal(ClientDataKeys keys) {
        this.keys = keys;
    }

    public ClientTimelineView reveal(ClientTimelineView view) {
        ClientRef client = new ClientRef(PracticeId.of(view.practiceId()), view.clientId());
        if (view.entries().stream().noneMatch(PersonalDataReveal::holdsSealed)) {
            return view;
        }
        Key key = key(client);
        List<TimelineEntryView> entries = new ArrayList<>(view.entries().size());
        for (TimelineEntryView entry : view.entries()) {
            entries.add(holdsSealed(entry) ? revealed(entry, client, key) : entry);
        }
        return new ClientTimelineView(
                view.practiceId(), view.clientId(), entries, view.offset(), view.limit(), view.total());
    }

    private static boolean holdsSealed(TimelineEntryView entry) {
        return holdsSealed(entry.details())
                || (entry.corrections() != null
                        && entry.corrections().stream().anyMatch(PersonalDataReveal::holdsSealed));
    }

    /** The entry with its sealed items opened, and those of the corrections recorded against it. */
    private TimelineEntryView revealed(TimelineEntryView entry, ClientRef client, Key key) {
        JsonNode details = entry.details();
        if (holdsSealed(details)) {
            ObjectNode opened = details.deepCopy();
            String problem = openAll(opened, client, key, entry.eventId());
            if (problem != null) {
                opened.put(MARKER, problem);
            }
            details = opened;
        }
        List<TimelineEntryView> corrections = entry.corrections() == null
                ? null
                : entry.corrections().stream()
                        .map(correction -> holdsSealed(correction) ? revealed(correction, client, key) : correction)
                        .toList();
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
                corrections);
    }

    /**
     * Free text of stock entries about a client (a late entry's reason, an override's rationale) in a
     * report: each sealed item, at any depth, opened as {@link #revealed}; the node is returned unchanged
     * when it holds none.
     */
    public JsonNode revealNested(ClientRef client, JsonNode node) {
        if (!holdsSealed(node)) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        String problem = openAll(copy, client, key(client), null);
        if (problem != null && copy.isObject()) {
            ((ObjectNode) copy).put(MARKER, problem);
        }
        return copy;
    }

    /**
     * Opens every sealed item in the node, at any depth, in place. An item stored under {@code sealedX}
     * (free text sealed beside a plaintext field {@code x} of the same event, such as a late entry's
     * {@code sealedReason}) is shown as {@code x}; any other keeps its name. Returns SHREDDED or
     * UNREADABLE when an item could not be opened, else null.
     */
    private String openAll(JsonNode node, ClientRef client, Key key, String eventId) {
        String problem = null;
        if (node.isArray()) {
            for (JsonNode element : node) {
                problem = firstOf(problem, openAll(element, client, key, eventId));
            }
            return problem;
        }
        if (!node.isObject()) {
            return null;
        }
        ObjectNode object = (ObjectNode) node;
        for (Map.Entry<String, JsonNode> field : List.copyOf(iterable(object))) {
            Optional<SealedPersonalData> sealed = sealed(field.getValue());
            if (sealed.isEmpty()) {
                problem = firstOf(problem, openAll(field.getValue(), client, key, eventId));
                continue;
            }
            String name = shownAs(field.getKey());
            if (!name.equals(field.getKey())) {
                object.remove(field.getKey());
            }
            if (sealed.get().isNotSealed()) {
                // recorded in plaintext before its event sealed it: shown as recorded, whatever the key
                object.set(name, notSealed(sealed.get()));
                continue;
            }
            if (key.problem() != null) {
                object.putNull(name);
                problem = firstOf(problem, key.problem());
                continue;
            }
            try {
                object.set(name, keys.open(key.key(), client, field.getKey(), sealed.get()));
            } catch (UnreadablePersonalDataException e) {
                log.error("Personal data of {} in event {} does not open: {}", client, eventId, e.getMessage());
                object.putNull(name);
                problem = firstOf(problem, UNREADABLE);
            }
        }
        return problem;
    }

    /** {@code sealedReason} is shown as {@code reason}; other names as they are. */
    static String shownAs(String field) {
        if (field.length() > 6 && field.startsWith("sealed") && Character.isUpperCase(field.charAt(6))) {
            return Character.toLowerCase(field.charAt(6)) + field.substring(7);
        }
        return field;
    }

    private static String firstOf(String problem, String another) {
        return problem != null ? problem : another;
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

    /** Whether the node holds a sealed item at any depth. */
    private static boolean holdsSealed(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (sealed(node).isPresent()) {
            return true;
        }
        for (JsonNode child : node) {
            if (holdsSealed(child)) {
                return true;
            }
        }
        return false;
    }

    /** A field holds a sealed item when it has exactly the three fields of {@link SealedPersonalData}. */
    public static Optional<SealedPersonalData> sealed(JsonNode node) {
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
