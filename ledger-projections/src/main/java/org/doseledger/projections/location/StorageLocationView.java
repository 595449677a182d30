package org.doseledger.projections.location;

import java.time.Instant;
import org.doseledger.core.location.api.LocationKind;

/** A storage location of a practice. */
public record StorageLocationView(
        String locationId, String name, LocationKind kind, boolean refrigerated, Instant registeredAt) {}
