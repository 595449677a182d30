package org.doseledger.projections.practitioner;

import org.doseledger.core.shared.PracticeId;

/** Every practitioner of a practice, inactive ones included. */
public record FindPractitionersQuery(PracticeId practiceId) {}
