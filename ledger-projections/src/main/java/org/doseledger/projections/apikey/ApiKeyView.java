package org.doseledger.projections.apikey;

import java.time.Instant;
import java.util.List;
import org.doseledger.core.apikey.api.Role;

/**
 * An issued API key. {@code secretSha256} is for authentication only and never leaves the service;
 * {@code grantedPractices} are the practices a REGULATOR key may currently read (empty for other roles).
 */
public record ApiKeyView(
        String keyId,
        Role role,
        String practiceId,
        String label,
        String secretSha256,
        Instant issuedAt,
        String issuedBy,
        Instant expiresAt,
        Instant revokedAt,
        List<String> grantedPractices) {

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
