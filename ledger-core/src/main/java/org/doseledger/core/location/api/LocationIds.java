package org.doseledger.core.location.api;

import org.doseledger.core.shared.PracticeId;

/** Stream identifiers of storage locations. */
public final class LocationIds {

    private LocationIds() {}

    public static String aggregateId(PracticeId practiceId, String locationId) {
        return "location:" + practiceId.value() + ":" + locationId;
    }
}
