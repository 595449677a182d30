package org.doseledger.projections.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.apikey.api.ApiKeyIssuedEvent;
import org.doseledger.core.apikey.api.ApiKeyRevokedEvent;
import org.doseledger.core.apikey.api.PracticeAccessGrantedEvent;
import org.doseledger.core.apikey.api.PracticeAccessWithdrawnEvent;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.core.shared.PracticeId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys that may authenticate. Kept by a subscribing processor in the same transaction as the key
 * events, so a revoked key stops working the moment its revocation commits.
 */
@ProcessingGroup(ApiKeyRegistryProjection.PROCESSING_GROUP)
public class ApiKeyRegistryProjection {

    public static final String PROCESSING_GROUP = "api-key-registry";

    private static final String SELECT_KEYS = """
            select k.*, array(select g.practice_id from api_key_practice_grant g
                              where g.key_id = k.key_id order by g.practice_id) as granted_practices
            from api_key_registry k
            """;

    private final JdbcTemplate jdbc;

    public ApiKeyRegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event, @MetaDataValue(LedgerMetadata.CREDENTIAL_ID) String issuedBy) {
        jdbc.update(
                """
                insert into api_key_registry (key_id, role, practice_id, label, secret_sha256, issued_at, issued_by,
                                              expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (key_id) do nothing
                """,
                event.keyId(),
                event.role().name(),
                event.practiceId() == null ? null : event.practiceId().value(),
                event.label(),
                event.secretSha256(),
                Timestamp.from(event.issuedAt()),
                issuedBy,
                event.expiresAt() == null ? null : Timestamp.from(event.expiresAt()));
        if (event.role() == Role.REGULATOR && event.practiceId() != null) {
            grant(event.keyId(), event.practiceId(), event.issuedAt());
        }
    }

    @EventHandler
    void on(PracticeAccessGrantedEvent event) {
        grant(event.keyId(), event.practiceId(), event.grantedAt());
    }

    @EventHandler
    void on(PracticeAccessWithdrawnEvent event) {
        jdbc.update(
                "delete from api_key_practice_grant where key_id = ? and practice_id = ?",
                event.keyId(),
                event.practiceId().value());
    }

    private void grant(String keyId, PracticeId practiceId, Instant grantedAt) {
        jdbc.update("""
                insert into api_key_practice_grant (key_id, practice_id, granted_at) values (?, ?, ?)
                on conflict (key_id, practice_id) do nothing
                """, keyId, practiceId.value(), Timestamp.from(grantedAt));
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event) {
        jdbc.update(
                "update api_key_registry set revoked_at = ? where key_id = ? and revoked_at is null",
                Timestamp.from(event.revokedAt()),
                event.keyId());
    }

    @QueryHandler
    public Optional<ApiKeyView> handle(FindApiKeyQuery query) {
        return jdbc.query(SELECT_KEYS + " where key_id = ?", ApiKeyRegistryProjection::toView, query.keyId()).stream()
                .findFirst();
    }

    @QueryHandler
    public List<ApiKeyView> handle(FindApiKeysQuery query) {
        return jdbc.query(SELECT_KEYS + " order by issued_at, key_id", ApiKeyRegistryProjection::toView);
    }

    public boolean anyKeyIssued() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from api_key_registry)", Boolean.class));
    }

    private static ApiKeyView toView(ResultSet rs, int row) throws SQLException {
        return new ApiKeyView(
                rs.getString("key_id"),
                Role.valueOf(rs.getString("role")),
                rs.getString("practice_id"),
                rs.getString("label"),
                rs.getString("secret_sha256"),
                instant(rs.getTimestamp("issued_at")),
                rs.getString("issued_by"),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")),
                List.of((String[]) rs.getArray("granted_practices").getArray()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
