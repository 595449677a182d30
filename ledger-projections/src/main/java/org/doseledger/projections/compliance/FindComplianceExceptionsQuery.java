package org.doseledger.projections.compliance;

import java.time.LocalDate;
import java.util.Set;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.shared.PracticeId;

/**
 * A practice's exceptions as of a date (credentials, consents and the biennial inventory are judged
 * against it), with the given statuses and kinds (empty: every kind), in order of urgency.
 */
public record FindComplianceExceptionsQuery(
        PracticeId practiceId,
        LocalDate asOf,
        Set<ExceptionStatus> statuses,
        Set<ExceptionKind> kinds,
        int offset,
        int limit) {

    public FindComplianceExceptionsQuery {
        statuses = Set.copyOf(statuses);
        kinds = Set.copyOf(kinds);
    }
}
