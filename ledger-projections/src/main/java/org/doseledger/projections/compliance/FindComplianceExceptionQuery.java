package org.doseledger.projections.compliance;

import java.time.LocalDate;
import org.doseledger.core.shared.PracticeId;

/** One exception of a practice by id, as of a date. */
public record FindComplianceExceptionQuery(PracticeId practiceId, String exceptionId, LocalDate asOf) {}
