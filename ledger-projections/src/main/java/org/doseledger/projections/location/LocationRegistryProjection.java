package org.doseledger.projections.location;

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
import org.doseledger.core.shared.PracticeId;
import org.springframework.jdbc.core.JdbcTemplate;

/** The storage locations of each practice; stock commands check a location belongs to the practice. */
@ProcessingGroup(LocationRegistryProjection.PROCESSING_GROUP)
public class LocationRegistryProjection implements Locations {

    public static final String PROCESSING_GROUP = "location-registry";

    private final JdbcTemplate jdbc;

    public LocationRegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StorageLocationRegisteredEvent event) {
        jdbc.update(
                """
                insert into location_registry (practice_id, location_id, name, kind, refrigerated, registered_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                event.practiceId().value(),
                event.locationId(),
                event.name(),
                event.kind().name(),
                event.refrigerated(),
                Timestamp.from(event.occurredAt()));
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

    @QueryHandler
    public List<StorageLocationView> handle(FindStorageLocationsQuery query) {
        return jdbc.query(
                "select * from location_registry where practice_id = ? order by location_id",
                (rs, row) -> new StorageLocationView(
                        rs.getString("location_id"),
                        rs.getString("name"),
                        LocationKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("refrigerated"),
                        rs.getTimestamp("registered_at").toInstant()),
                query.practiceId().value());
    }
}
