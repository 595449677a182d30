package org.doseledger.projections.access;

import java.time.Instant;
import java.util.Map;

/**
 * One read or export of client data: where it is in the ledger, who (credential and role), whose
 * (client, when the read was about one), how, through which endpoint with which parameters, and when.
 * {@code practiceWide} is false for a ledger-wide export by an administrator, which every practice's
 * log shows. {@code purpose} is why the caller said it read (TREATMENT, OPERATIONS, AUDIT, INSPECTION), or
 * null.
 */
public record AccessLogEntryView(
        long ledgerPosition,
        String accessId,
        String credentialId,
        String role,
        String clientId,
        String kind,
        String endpoint,
        Map<String, String> parameters,
        String requestId,
        Instant accessedAt,
        boolean practiceWide,
        String purpose) {}
