package org.doseledger.core.practitioner.api;

import java.util.Optional;
import org.doseledger.core.shared.PracticeId;

/** Looks up a practice's practitioners for rules that span aggregates (kept in the command's transaction). */
public interface Practitioners {

    Optional<PractitionerFacts> find(PracticeId practiceId, String practitionerId);
}
