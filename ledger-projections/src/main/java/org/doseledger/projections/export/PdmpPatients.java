package org.doseledger.projections.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.projections.export.pdmp.AsapGender;
import org.doseledger.projections.export.pdmp.AsapPatient;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.doseledger.projections.personaldata.UnreadablePersonalDataException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clients as a PDMP record names them (PAT): legal name, date of birth, sex, the address and phone on file at
 * the time of the dispensing, opened from the sealed items of their timeline, as of the export's ledger
 * position. A PDMP record cannot go without them, so a client whose data is shredded or does not open
 * stops the file with an error naming the client, instead of a record with blanks. The last
 * {@value #CACHED} lookups are kept.
 */
public final class PdmpPatients {

    static final int CACHED = 1024;

    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final ObjectMapper json;
    private final PracticeId practiceId;
    private final long upTo;
    private final Map<String, AsapPatient> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AsapPatient> eldest) {
            return size() > CACHED;
        }
    };

    public PdmpPatients(JdbcTemplate jdbc, ClientDataKeys keys, ObjectMapper json, PracticeId practiceId, long upTo) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.practiceId = practiceId;
        this.upTo = upTo;
    }

    /** The client as on file at {@code at}. */
    AsapPatient of(String clientId, Instant at) {
        return cache.computeIfAbsent(clientId + "@" + at, key -> load(clientId, at));
    }

    private AsapPatient load(String clientId, Instant at) {
        ClientRef client = new ClientRef(practiceId, clientId);
        List<String> details =
                jdbc.queryForList("""
                select details::text from client_timeline
                where practice_id = ? and client_id = ? and ledger_position <= ?
                  and (occurred_at <= ? or event_type = 'ClientRegistered')
                  and event_type in ('ClientRegistered', 'ClientAddressChanged', 'ClientContactUpdated')
                order by ledger_position
                """, String.class, practiceId.value(), clientId, upTo, Timestamp.from(at));
        Map<String, JsonNode> items = new LinkedHashMap<>();
        try {
            for (String entry : details) {
                JsonNode node = json.readTree(entry);
                for (String field : List.of("legalName", "dateOfBirth", "address", "phone", "sex")) {
                    if (node.hasNonNull(field)) {
                        items.put(field, node.get(field));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw unusable(client, "its timeline holds an unreadable entry");
        }
        if (!items.containsKey("legalName") || !items.containsKey("dateOfBirth") || !items.containsKey("address")) {
            throw unusable(client, "no registered name, date of birth and address on file");
        }
        Optional<ClientDataKeys.DataKey> key;
        try {
            key = keys.find(client);
        } catch (UnreadablePersonalDataException e) {
            throw unusable(client, "its data key does not unwrap with this master key");
        }
        if (key.isPresent() && key.get().shredded()) {
            throw unusable(client, "its personal data was shredded");
        }
        try {
            JsonNode phone = open(key, client, "phone", items.get("phone"));
            JsonNode sex = open(key, client, "sex", items.get("sex"));
            return new AsapPatient(
                    json.treeToValue(open(key, client, "legalName", items.get("legalName")), PersonName.class),
                    json.treeToValue(open(key, client, "address", items.get("address")), PostalAddress.class),
                    phone == null || phone.isNull() ? null : phone.asText(),
                    LocalDate.parse(open(key, client, "dateOfBirth", items.get("dateOfBirth"))
                            .asText()),
                    gender(sex));
        } catch (UnreadablePersonalDataException | JsonProcessingException e) {
            throw unusable(client, "its personal data does not open: " + e.getMessage());
        }
    }

    /** PAT19 from the sex on file; null (empty, or the state profile's default) when none is. */
    private static AsapGender gender(JsonNode sex) {
        if (sex == null || sex.isNull()) {
            return null;
        }
        return switch (sex.asText()) {
            case "FEMALE" -> AsapGender.FEMALE;
            case "MALE" -> AsapGender.MALE;
            default -> AsapGender.UNKNOWN;
        };
    }

    private JsonNode open(Optional<ClientDataKeys.DataKey> key, ClientRef client, String field, JsonNode item) {
        if (item == null || item.isNull()) {
            return null;
        }
        Optional<SealedPersonalData> sealed = ClientIdentities.sealed(item);
        if (sealed.isEmpty()) {
            return item;
        }
        if (key.isEmpty()) {
            throw unusable(client, "it has sealed personal data but no data key");
        }
        return keys.open(key.get(), client, field, sealed.get());
    }

    private static IllegalStateException unusable(ClientRef client, String why) {
        return new IllegalStateException("Client " + client.clientId() + " cannot be reported to the PDMP: " + why
                + " (a PDMP record needs the client's name, date of birth and address)");
    }
}
