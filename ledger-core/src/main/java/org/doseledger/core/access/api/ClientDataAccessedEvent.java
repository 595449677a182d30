package org.doseledger.core.access.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * A credential read or exported client data (HIPAA audit controls): who (credential and its role),
 * whose (the practice, and the client when the read was about one), how (read or export), through
 * which endpoint (method and URL template, e.g. {@code GET /api/practices/{practiceId}/clients/{clientId}/timeline}),
 * with which parameters (ids, dates and paging only) and when. {@code practiceId} is null for a
 * ledger-wide export by an administrator. {@code purpose} is why the caller said it read (null in events
 * recorded before it was asked, and when the caller gave none).
 */
@Revision("1")
public record ClientDataAccessedEvent(
        PracticeId practiceId,
        String accessId,
        String credentialId,
        Role role,
        String clientId,
        AccessKind kind,
        String endpoint,
        Map<String, String> parameters,
        PurposeOfUse purpose,
        Instant occurredAt)
        implements LedgerEvent {}
