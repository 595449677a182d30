package org.doseledger.projections.compliance;

import java.time.LocalDate;
import org.doseledger.core.shared.PracticeId;

/** How many of a practice's exceptions are unresolved as of a date, how many not yet acknowledged, how many overdue. */
public record CountComplianceExceptionsQuery(PracticeId practiceId, LocalDate asOf) {}
