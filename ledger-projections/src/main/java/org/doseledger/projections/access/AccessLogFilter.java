package org.doseledger.projections.access;

import java.time.Instant;

/** Which accesses a read of the access log wants; every field is optional. [from, to) is half-open. */
public record AccessLogFilter(Instant from, Instant to, String clientId, String credentialId) {

    public static AccessLogFilter everything() {
        return new AccessLogFilter(null, null, null, null);
    }
}
