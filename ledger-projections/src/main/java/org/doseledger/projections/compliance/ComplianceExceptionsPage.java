package org.doseledger.projections.compliance;

import java.time.LocalDate;
import java.util.List;

/** A page of a practice's exceptions as of a date, most urgent first; {@code total} counts every match. */
public record ComplianceExceptionsPage(
        String practiceId,
        LocalDate asOf,
        List<ComplianceExceptionView> exceptions,
        int offset,
        int limit,
        long total) {}
