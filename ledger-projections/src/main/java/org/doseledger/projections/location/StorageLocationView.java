package org.doseledger.projections.location;

import java.time.Instant;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.shared.PostalAddress;

/**
 * A storage location of a practice; {@code address} and {@code deaNumber} are null for a location at the
 * practice's registered address, held under the practice's registration.
 */
public record StorageLocationView(
        String locationId,
        String name,
        LocationKind kind,
        boolean refrigerated,
        Instant registeredAt,
        PostalAddress address,
        String deaNumber,
        String remsHealthcareSettingId) {}
