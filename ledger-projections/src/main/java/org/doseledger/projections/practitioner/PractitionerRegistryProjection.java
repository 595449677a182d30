package org.doseledger.projections.practitioner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.practitioner.api.PractitionerDeactivatedEvent;
import org.doseledger.core.practitioner.api.PractitionerFacts;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.shared.PracticeId;
import org.springframework.jdbc.core.JdbcTemplate;

/** The practitioners of each practice, for the rules on who may act on stock and who may witness. */
@ProcessingGroup(PractitionerRegistryProjection.PROCESSING_GROUP)
public class PractitionerRegistryProjection implements Practitioners {

    public static final String PROCESSING_GROUP = "practitioner-registry";
    private static final TypeReference<List<PractitionerRole>> ROLES = new TypeReference<>() {};

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
                                                   registered_at)
                values (?, ?, ?, ?::jsonb, ?, true, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.practitionerId(),
                event.name(),
                json.writeValueAsString(event.roles()),
                event.deaNumber(),
                Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(PractitionerDeactivatedEvent event) {
        jdbc.update("""
                update practitioner_registry set active = false, deactivated_at = ?
                where practice_id = ? and practitioner_id = ?
                """, Timestamp.from(event.occurredAt()), event.practiceId().value(), event.practitionerId());
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
                        view.deaNumber() != null));
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
            return new PractitionerView(
                    rs.getString("practitioner_id"),
                    rs.getString("name"),
                    json.readValue(rs.getString("roles"), ROLES),
                    rs.getString("dea_number"),
                    rs.getBoolean("active"),
                    rs.getTimestamp("registered_at").toInstant(),
                    deactivated == null ? null : deactivated.toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable practitioner row", e);
        }
    }
}
