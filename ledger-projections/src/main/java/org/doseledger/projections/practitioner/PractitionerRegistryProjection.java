package org.doseledger.projections.practitioner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.practitioner.api.CertificateKind;
import org.doseledger.core.practitioner.api.Credentials;
import org.doseledger.core.practitioner.api.PractitionerCertificateRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerDeaRegistrationRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerDeactivatedEvent;
import org.doseledger.core.practitioner.api.PractitionerFacts;
import org.doseledger.core.practitioner.api.PractitionerIdentityRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerLicenceRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PracticeId;
import org.springframework.jdbc.core.JdbcTemplate;

/** The practitioners of each practice, for the rules on who may act on stock and who may witness. */
@ProcessingGroup(PractitionerRegistryProjection.PROCESSING_GROUP)
public class PractitionerRegistryProjection implements Practitioners {

    public static final String PROCESSING_GROUP = "practitioner-registry";
    private static final TypeReference<List<PractitionerRole>> ROLES = new TypeReference<>() {};
    private static final TypeReference<List<ControlledSchedule>> SCHEDULES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PractitionerRegistryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PractitionerRegisteredEvent event) throws JsonProcessingException {
        jdbc.update(
                """
                insert into practitioner_registry (practice_id, practitioner_id, name, roles, dea_number, active,
                                                   registered_at, given_name, middle_name, family_name, npi)
                values (?, ?, ?, ?::jsonb, ?, true, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.practitionerId(),
                event.name(),
                json.writeValueAsString(event.roles()),
                event.deaNumber(),
                Timestamp.from(event.occurredAt()),
                event.legalName() == null ? null : event.legalName().given(),
                event.legalName() == null ? null : event.legalName().middle(),
                event.legalName() == null ? null : event.legalName().family(),
                event.npi());
    }

    @EventHandler
    void on(PractitionerIdentityRecordedEvent event) {
        jdbc.update(
                """
                update practitioner_registry set given_name = ?, middle_name = ?, family_name = ?, npi = ?
                where practice_id = ? and practitioner_id = ?
                """,
                event.legalName().given(),
                event.legalName().middle(),
                event.legalName().family(),
                event.npi(),
                event.practiceId().value(),
                event.practitionerId());
    }

    @EventHandler
    void on(PractitionerDeactivatedEvent event) {
        jdbc.update("""
                update practitioner_registry set active = false, deactivated_at = ?
                where practice_id = ? and practitioner_id = ?
                """, Timestamp.from(event.occurredAt()), event.practiceId().value(), event.practitionerId());
    }

    @EventHandler
    void on(PractitionerLicenceRecordedEvent event) {
        jdbc.update(
                """
                update practitioner_registry set licence_number = ?, licence_state = ?, licence_expires_on = ?
                where practice_id = ? and practitioner_id = ?
                """,
                event.licenceNumber(),
                event.state(),
                event.expiresOn(),
                event.practiceId().value(),
                event.practitionerId());
        credential(event.practiceId(), event.practitionerId(), "LICENCE", event.expiresOn(), event.occurredAt());
    }

    @EventHandler
    void on(PractitionerDeaRegistrationRecordedEvent event) throws JsonProcessingException {
        jdbc.update(
                """
                update practitioner_registry set dea_number = ?, dea_expires_on = ?, dea_schedules = ?::jsonb
                where practice_id = ? and practitioner_id = ?
                """,
                event.deaNumber(),
                event.expiresOn(),
                json.writeValueAsString(event.schedules()),
                event.practiceId().value(),
                event.practitionerId());
        credential(
                event.practiceId(), event.practitionerId(), "DEA_REGISTRATION", event.expiresOn(), event.occurredAt());
    }

    @EventHandler
    void on(PractitionerCertificateRecordedEvent event) {
        String column = event.kind() == CertificateKind.KAP_TRAINING ? "kap_trained_on" : "acls_expires_on";
        LocalDate value = event.kind() == CertificateKind.KAP_TRAINING ? event.issuedOn() : event.expiresOn();
        jdbc.update(
                "update practitioner_registry set " + column + " = ? where practice_id = ? and practitioner_id = ?",
                value,
                event.practiceId().value(),
                event.practitionerId());
        if (event.kind() == CertificateKind.ACLS) {
            credential(event.practiceId(), event.practitionerId(), "ACLS", event.expiresOn(), event.occurredAt());
        }
    }

    /**
     * Keeps every expiry a credential had: a new expiry replaces the one in force (a renewal), so that the
     * compliance queue can show an expiring-credential exception cleared by it rather than lose it.
     */
    private void credential(
            PracticeId practiceId, String practitionerId, String credential, LocalDate expiresOn, Instant at) {
        if (expiresOn == null) {
            return;
        }
        jdbc.update("""
                update credential_history set replaced_at = ?, replaced_by = ?
                where practice_id = ? and practitioner_id = ? and credential = ? and replaced_at is null
                  and expires_on <> ?
                """, Timestamp.from(at), expiresOn, practiceId.value(), practitionerId, credential, expiresOn);
        jdbc.update("""
                insert into credential_history (practice_id, practitioner_id, credential, expires_on, recorded_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """, practiceId.value(), practitionerId, credential, expiresOn, Timestamp.from(at));
    }

    @Override
    public Optional<PractitionerFacts> find(PracticeId practiceId, String practitionerId) {
        return jdbc
                .query(
                        "select * from practitioner_registry where practice_id = ? and practitioner_id = ?",
                        this::toView,
                        practiceId.value(),
                        practitionerId)
                .stream()
                .findFirst()
                .map(view -> new PractitionerFacts(
                        view.practitionerId(),
                        view.active(),
                        view.roles().isEmpty() ? EnumSet.noneOf(PractitionerRole.class) : EnumSet.copyOf(view.roles()),
                        view.deaNumber() != null,
                        view.credentials(),
                        view.registeredAt(),
                        view.deactivatedAt()));
    }

    @QueryHandler
    public List<PractitionerView> handle(FindPractitionersQuery query) {
        return jdbc.query(
                "select * from practitioner_registry where practice_id = ? order by practitioner_id",
                this::toView,
                query.practiceId().value());
    }

    private PractitionerView toView(ResultSet rs, int row) throws SQLException {
        try {
            Timestamp deactivated = rs.getTimestamp("deactivated_at");
            Credentials credentials = new Credentials(
                    rs.getObject("licence_expires_on", LocalDate.class),
                    rs.getObject("dea_expires_on", LocalDate.class),
                    json.readValue(rs.getString("dea_schedules"), SCHEDULES),
                    rs.getObject("kap_trained_on", LocalDate.class),
                    rs.getObject("acls_expires_on", LocalDate.class));
            return new PractitionerView(
                    rs.getString("practitioner_id"),
                    rs.getString("name"),
                    json.readValue(rs.getString("roles"), ROLES),
                    rs.getString("dea_number"),
                    rs.getBoolean("active"),
                    rs.getTimestamp("registered_at").toInstant(),
                    deactivated == null ? null : deactivated.toInstant(),
                    rs.getString("licence_number"),
                    rs.getString("licence_state"),
                    credentials,
                    rs.getString("family_name") == null
                            ? null
                            : new PersonName(
                                    rs.getString("given_name"),
                                    rs.getString("middle_name"),
                                    rs.getString("family_name")),
                    rs.getString("npi"));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable practitioner row", e);
        }
    }
}
