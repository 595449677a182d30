package org.doseledger.projections.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.doseledger.core.client.api.ConsentRevokedEvent;
import org.doseledger.core.client.api.ConsentSignedEvent;
import org.doseledger.core.client.api.ConsentSupersededEvent;
import org.doseledger.core.client.api.Consents;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Route;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every client's consents, for the rule "no dose without an active consent". Kept by a subscribing
 * processor in the transaction of the consent events. A dose reads its client's rows {@code FOR SHARE},
 * and a revocation updates them: the two serialise, so a dose never slips past a committed revocation.
 */
@ProcessingGroup(ConsentRegistryProjection.PROCESSING_GROUP)
public class ConsentRegistryProjection implements Consents {

    public static final String PROCESSING_GROUP = "consent-registry";
    private static final TypeReference<List<Route>> ROUTES = new TypeReference<>() {};
    private static final TypeReference<List<CareModel>> MODELS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ConsentRegistryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ConsentSignedEvent event) throws JsonProcessingException {
        jdbc.update(
                """
                insert into consent_registry (practice_id, client_id, consent_id, document_id, signed_at, expires_at,
                                              routes, care_models)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) on conflict do nothing
                """,
                event.practiceId().value(),
                event.clientId(),
                event.consentId(),
                event.document().documentId(),
                Timestamp.from(event.signedAt()),
                event.expiresAt() == null ? null : Timestamp.from(event.expiresAt()),
                json.writeValueAsString(event.routes()),
                json.writeValueAsString(event.careModels()));
    }

    @EventHandler
    void on(ConsentRevokedEvent event) {
        jdbc.update(
                """
                update consent_registry set revoked_effective_at = ?
                where practice_id = ? and client_id = ? and consent_id = ?
                """,
                Timestamp.from(event.effectiveAt()),
                event.practiceId().value(),
                event.clientId(),
                event.consentId());
    }

    @EventHandler
    void on(ConsentSupersededEvent event) {
        jdbc.update(
                """
                update consent_registry set superseded_at = ?
                where practice_id = ? and client_id = ? and consent_id = ?
                """,
                Timestamp.from(event.occurredAt()),
                event.practiceId().value(),
                event.clientId(),
                event.consentId());
    }

    @Override
    public String problemWith(ClientRef client, Route route, CareModel careModel, Instant at) {
        List<ConsentRow> consents =
                jdbc.query("""
                select consent_id, signed_at, expires_at, revoked_effective_at, superseded_at, routes, care_models
                from consent_registry where practice_id = ? and client_id = ?
                order by signed_at for share
                """, this::toRow, client.practiceId().value(), client.clientId());
        if (consents.isEmpty()) {
            return "no consent on record";
        }
        String closest = null;
        for (ConsentRow consent : consents) {
            String problem = consent.problemWith(route, careModel, at);
            if (problem == null) {
                return null;
            }
            closest = problem;
        }
        return closest;
    }

    private ConsentRow toRow(ResultSet rs, int row) throws SQLException {
        try {
            return new ConsentRow(
                    rs.getString("consent_id"),
                    instant(rs.getTimestamp("signed_at")),
                    instant(rs.getTimestamp("expires_at")),
                    instant(rs.getTimestamp("revoked_effective_at")),
                    instant(rs.getTimestamp("superseded_at")),
                    json.readValue(rs.getString("routes"), ROUTES),
                    json.readValue(rs.getString("care_models"), MODELS));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable consent row", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record ConsentRow(
            String consentId,
            Instant signedAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant supersededAt,
            List<Route> routes,
            List<CareModel> careModels) {

        String problemWith(Route route, CareModel careModel, Instant at) {
            if (at.isBefore(signedAt)) {
                return "consent " + consentId + " was signed only at " + signedAt;
            }
            if (revokedAt != null && !at.isBefore(revokedAt)) {
                return "consent " + consentId + " was revoked effective " + revokedAt;
            }
            if (supersededAt != null && !at.isBefore(supersededAt)) {
                return "consent " + consentId + " was superseded at " + supersededAt;
            }
            if (expiresAt != null && !at.isBefore(expiresAt)) {
                return "consent " + consentId + " expired at " + expiresAt;
            }
            if (route != null && !routes.contains(route)) {
                return "consent " + consentId + " covers routes " + routes + ", not " + route;
            }
            if (!careModels.contains(careModel)) {
                return "consent " + consentId + " covers " + careModels + ", not " + careModel;
            }
            return null;
        }
    }
}
