package org.doseledger.core.stock;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.shared.PracticeId;

/** In-memory storage locations by practice. */
final class FakeLocations implements Locations {

    private final Map<String, Instant> locations = new HashMap<>();

    /** A location registered long before any entry of the tests. */
    FakeLocations with(PracticeId practiceId, String locationId) {
        return with(practiceId, locationId, Instant.EPOCH);
    }

    FakeLocations with(PracticeId practiceId, String locationId, Instant registeredAt) {
        locations.put(key(practiceId, locationId), registeredAt);
        return this;
    }

    private final Map<String, String> registrations = new HashMap<>();

    /** A location at another address, held under its own DEA registration. */
    FakeLocations elsewhere(PracticeId practiceId, String locationId, String deaNumber) {
        with(practiceId, locationId);
        registrations.put(key(practiceId, locationId), deaNumber);
        return this;
    }

    @Override
    public Optional<String> registration(PracticeId practiceId, String locationId) {
        return Optional.ofNullable(registrations.get(key(practiceId, locationId)));
    }

    @Override
    public Optional<Instant> registeredAt(PracticeId practiceId, String locationId) {
        return Optional.ofNullable(locations.get(key(practiceId, locationId)));
    }

    private static String key(PracticeId practiceId, String locationId) {
        return practiceId.value() + "/" + locationId;
    }
}
