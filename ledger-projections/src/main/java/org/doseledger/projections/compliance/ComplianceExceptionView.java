package org.doseledger.projections.compliance;

import java.time.Instant;
import java.time.LocalDate;
import org.doseledger.core.compliance.api.ExceptionKind;

/**
 * One compliance exception: what it is about, when it was raised and is due, where it stands, and its
 * reviews. {@code ledgerPosition} is the event that raised it; exceptions that follow from the date
 * alone (expiring credentials and consents, the biennial inventory) have none.
 */
public record ComplianceExceptionView(
        String exceptionId,
        ExceptionKind kind,
        ExceptionStatus status,
        String summary,
        Instant raisedAt,
        LocalDate dueOn,
        String clientId,
        String locationId,
        String practitionerId,
        Long ledgerPosition,
        Instant clearedAt,
        String clearedBy,
        ReviewView acknowledgement,
        ReviewView resolution) {}
