package org.doseledger.projections.location;

import org.doseledger.core.shared.PracticeId;

/** Every storage location of a practice. */
public record FindStorageLocationsQuery(PracticeId practiceId) {}
