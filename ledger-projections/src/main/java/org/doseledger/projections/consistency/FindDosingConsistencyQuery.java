package org.doseledger.projections.consistency;

import java.time.Instant;
import org.doseledger.core.shared.PracticeId;

/**
 * The dosing sessions of a practice, one client's ({@code clientId}) or those a practitioner drew or
 * administered in ({@code practitionerId}), optionally within {@code [from, to)}, in time order.
 */
public record FindDosingConsistencyQuery(
        PracticeId practiceId,
        String clientId,
        String practitionerId,
        Instant from,
        Instant to,
        int offset,
        int limit) {}
