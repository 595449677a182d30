package org.doseledger.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated credential of the current request. */
public final class CurrentCredential {

    private CurrentCredential() {}

    public static ApiCredential get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiCredential credential) {
            return credential;
        }
        throw new IllegalStateException("no API credential on this request");
    }
}
