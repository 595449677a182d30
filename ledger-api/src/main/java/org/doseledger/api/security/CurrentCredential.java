package org.doseledger.api.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated credential of the current request. */
public final class CurrentCredential {

    private CurrentCredential() {}

    public static ApiCredential get() {
        return find().orElseThrow(() -> new IllegalStateException("no API credential on this request"));
    }

    public static Optional<ApiCredential> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiCredential credential
                ? Optional.of(credential)
                : Optional.empty();
    }
}
