package org.doseledger.projections.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.doseledger.projections.personaldata.PersonalDataReveal;
import org.doseledger.projections.personaldata.UnreadablePersonalDataException;
import org.doseledger.projections.stock.AddressText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clients' names and addresses for one export, opened from the sealed items of their timeline as of the
 * export's ledger position (the name registered, the latest address on file at that position). A client
 * whose key was shredded is named {@code SHREDDED}, one whose items do not open {@code UNREADABLE}, never
 * an error. The last {@value #CACHED} clients are kept, so memory stays bounded however many doses.
 */
public final class ClientIdentities {

    static final int CACHED = 1024;
    private static final Logger log = LoggerFactory.getLogger(ClientIdentities.class);

    /** A client as an export names them; {@code personalData} is null, SHREDDED or UNREADABLE. */
    record Identity(String name, String address, String personalData) {}

    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final ObjectMapper json;
    private final PracticeId practiceId;
    private final long upTo;
    private final Map<String, Identity> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Identity> eldest) {
            return size() > CACHED;
        }
    };

    public ClientIdentities(
            JdbcTemplate jdbc, ClientDataKeys keys, ObjectMapper json, PracticeId practiceId, long upTo) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.practiceId = practiceId;
        this.upTo = upTo;
    }

    Identity of(String clientId) {
        if (clientId == null) {
            return new Identity(null, null, null);
        }
        return cache.computeIfAbsent(clientId, this::load);
    }

    private Identity load(String clientId) {
        ClientRef client = new ClientRef(practiceId, clientId);
        List<String> details = jdbc.queryForList("""
                select details::text from client_timeline
                where practice_id = ? and client_id = ? and ledger_position <= ?
                  and event_type in ('ClientRegistered', 'ClientAddressChanged')
                order by ledger_position
                """, String.class, practiceId.value(), clientId, upTo);
        JsonNode name = null;
        JsonNode address = null;
        try {
            for (String entry : details) {
                JsonNode node = json.readTree(entry);
                if (node.has("legalName")) {
                    name = node.get("legalName");
                }
                if (node.has("address")) {
                    address = node.get("address");
                }
            }
        } catch (java.io.IOException e) {
            log.error("The timeline of {} holds an unreadable entry: {}", client, e.getMessage());
            return new Identity(null, null, PersonalDataReveal.UNREADABLE);
        }
        if (name == null && address == null) {
            return new Identity(null, null, null);
        }
        Optional<ClientDataKeys.DataKey> key;
        try {
            key = keys.find(client);
        } catch (UnreadablePersonalDataException e) {
            log.error("The data key of {} does not unwrap with this master key: {}", client, e.getMessage());
            return new Identity(null, null, PersonalDataReveal.UNREADABLE);
        }
        if (key.isPresent() && key.get().shredded()) {
            return new Identity(null, null, PersonalDataReveal.SHREDDED);
        }
        try {
            return new Identity(
                    nameText(open(key, client, "legalName", name)),
                    AddressText.of(open(key, client, "address", address)),
                    null);
        } catch (UnreadablePersonalDataException | NoDataKey e) {
            log.error("Personal data of {} does not open: {}", client, e.getMessage());
            return new Identity(null, null, PersonalDataReveal.UNREADABLE);
        }
    }

    /**
     * A free-text field of one of the client's entries as recorded: opened with the client's key when it is
     * sealed, as stored when it was recorded before sealing ({@code not-sealed}) or as a plain string; null
     * when the key was shredded or the item does not open.
     */
    String freeText(String clientId, String field, JsonNode item) {
        if (item == null || item.isNull() || item.isMissingNode()) {
            return null;
        }
        if (item.isTextual()) {
            return item.asText();
        }
        Optional<SealedPersonalData> sealed = sealed(item);
        if (sealed.isEmpty()) {
            return item.toString();
        }
        if (sealed.get().isNotSealed()) {
            return textOf(sealed.get().plaintextJson());
        }
        ClientRef client = new ClientRef(practiceId, clientId);
        try {
            Optional<ClientDataKeys.DataKey> key = keys.find(client);
            if (key.isEmpty() || key.get().shredded()) {
                return null;
            }
            return keys.open(key.get(), client, field, sealed.get()).asText();
        } catch (UnreadablePersonalDataException e) {
            log.error("Personal data of {} does not open: {}", client, e.getMessage());
            return null;
        }
    }

    private String textOf(String json) {
        try {
            return this.json.readTree(json).asText();
        } catch (java.io.IOException e) {
            return json;
        }
    }

    private JsonNode open(Optional<ClientDataKeys.DataKey> key, ClientRef client, String field, JsonNode item) {
        if (item == null || item.isNull()) {
            return null;
        }
        Optional<SealedPersonalData> sealed = sealed(item);
        if (sealed.isEmpty()) {
            return item;
        }
        if (key.isEmpty()) {
            throw new NoDataKey(client + " has sealed personal data but no data key");
        }
        return keys.open(key.get(), client, field, sealed.get());
    }

    /** A sealed item, as the personal-data reveal recognises one. */
    static Optional<SealedPersonalData> sealed(JsonNode node) {
        return PersonalDataReveal.sealed(node);
    }

    /** "Ada King Lovelace": given, middle and family name as on file. */
    private static String nameText(JsonNode name) {
        if (name == null || name.isNull()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (String part : List.of("given", "middle", "family")) {
            String value = name.path(part).asText("");
            if (!value.isBlank()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(value);
            }
        }
        return text.toString();
    }

    private static final class NoDataKey extends RuntimeException {

        NoDataKey(String message) {
            super(message);
        }
    }
}
