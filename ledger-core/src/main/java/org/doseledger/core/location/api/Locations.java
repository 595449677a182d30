package org.doseledger.core.location.api;

import java.time.Instant;
import java.util.Optional;
import org.doseledger.core.shared.PracticeId;

/** Looks up a practice's storage locations for stock commands (kept in the command's transaction). */
public interface Locations {

    /** When the location came into use (its registration's occurred time), or empty if it is unknown. */
    Optional<Instant> registeredAt(PracticeId practiceId, String locationId);

    /**
     * The DEA registration stock at the location is held under when it is not the practice's own (a
     * location at another address); empty for a location at the practice's registered address.
     */
    default Optional<String> registration(PracticeId practiceId, String locationId) {
        return Optional.empty();
    }

    /** Whether the location belongs to the practice. */
    default boolean exists(PracticeId practiceId, String locationId) {
        return registeredAt(practiceId, locationId).isPresent();
    }
}
