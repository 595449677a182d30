package org.doseledger.projections.location;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.location.api.StorageLocationRegisteredEvent;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.springframework.jdbc.core.JdbcTemplate;

/** The storage locations of each practice; stock commands check a location belongs to the practice. */
@ProcessingGroup(LocationRegistryProjection.PROCESSING_GROUP)
public class LocationRegistryProjection implements Locations {

    public static final String PROCESSING_GROUP = "location-registry";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public LocationRegistryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(StorageLocationRegisteredEvent event) throws JsonProcessingException {
        jdbc.update(
                """
                insert into location_registry (practice_id, location_id, name, kind, refrigerated, registered_at,
                                               address, dea_number, rems_setting_id)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.locationId(),
                event.name(),
                event.kind().name(),
                event.refrigerated(),
                Timestamp.from(event.occurredAt()),
                event.address() == null ? null : json.writeValueAsString(event.address()),
                event.deaNumber(),
                event.remsHealthcareSettingId());
    }

    @Override
    public Optional<String> registration(PracticeId practiceId, String locationId) {
        return jdbc
                .queryForList(
                        "select dea_number from location_registry where practice_id = ? and location_id = ?",
                        String.class,
                        practiceId.value(),
                        locationId)
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    @Override
    public Optional<Instant> registeredAt(PracticeId practiceId, String locationId) {
        return jdbc
                .query(
                        "select registered_at from location_registry where practice_id = ? and location_id = ?",
                        (rs, row) -> rs.getTimestamp(1).toInstant(),
                        practiceId.value(),
                        locationId)
                .stream()
                .findFirst();
    }

    private PostalAddress address(String text) throws java.sql.SQLException {
        try {
            return text == null ? null : json.readValue(text, PostalAddress.class);
        } catch (JsonProcessingException e) {
            throw new java.sql.SQLException("unreadable location address", e);
        }
    }

    @QueryHandler
    public List<StorageLocationView> handle(FindStorageLocationsQuery query) {
        return jdbc.query(
                "select * from location_registry where practice_id = ? order by location_id",
                (rs, row) -> new StorageLocationView(
                        rs.getString("location_id"),
                        rs.getString("name"),
                        LocationKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("refrigerated"),
                        rs.getTimestamp("registered_at").toInstant(),
                        address(rs.getString("address")),
                        rs.getString("dea_number"),
                        rs.getString("rems_setting_id")),
                query.practiceId().value());
    }
}
