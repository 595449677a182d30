package org.doseledger.core.practitioner.api;

import org.doseledger.core.shared.PracticeId;

/** Stream identifiers of practitioners. */
public final class PractitionerIds {

    private PractitionerIds() {}

    public static String aggregateId(PracticeId practiceId, String practitionerId) {
        return "practitioner:" + practiceId.value() + ":" + practitionerId;
    }
}
