package org.doseledger.core.location.api;

import org.doseledger.core.shared.PracticeId;

/** Tells whether a storage location belongs to a practice (kept in the command's transaction). */
public interface Locations {

    boolean exists(PracticeId practiceId, String locationId);
}
