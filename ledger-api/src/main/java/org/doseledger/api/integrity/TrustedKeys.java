package org.doseledger.api.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.doseledger.core.integrity.KeyEndorsement;
import org.doseledger.core.integrity.api.IntegrityIds;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys verification trusts: the pinned keys, and every key they endorsed, directly or through later keys, in
 * {@code SigningKeyEndorsed} events of the log. The events are read from the {@code ledger-integrity} stream in the database, but only
 * their signatures are trusted: an endorsement the database invents does not verify, and a key nobody endorsed stays untrusted however it
 * got into the key directory.
 */
final class TrustedKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustedKeys() {}

    static Map<String, PublicKey> of(JdbcTemplate jdbc, SigningKeys keys) {
        return KeyEndorsement.follow(keys.pinned(), endorsements(jdbc));
    }

    static List<KeyEndorsement> endorsements(JdbcTemplate jdbc) {
        return jdbc
                .query(
                        // the integrity stream alone (its index): a full scan would slow every verification
                        "select payload from domain_event_entry where aggregate_identifier = ? and payload_type = ?"
                                + " order by sequence_number",
                        (row, n) -> KeyEndorsement.fromEventPayload(row.getBytes(1)),
                        IntegrityIds.AGGREGATE_ID,
                        KeyEndorsement.EVENT_TYPE)
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }
}
