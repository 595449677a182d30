package org.doseledger.core.stock;

import java.util.HashSet;
import java.util.Set;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.shared.PracticeId;

/** In-memory storage locations by practice. */
final class FakeLocations implements Locations {

    private final Set<String> locations = new HashSet<>();

    FakeLocations with(PracticeId practiceId, String locationId) {
        locations.add(key(practiceId, locationId));
        return this;
    }

    @Override
    public boolean exists(PracticeId practiceId, String locationId) {
        return locations.contains(key(practiceId, locationId));
    }

    private static String key(PracticeId practiceId, String locationId) {
        return practiceId.value() + "/" + locationId;
    }
}
