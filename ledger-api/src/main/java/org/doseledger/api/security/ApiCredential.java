package org.doseledger.api.security;

import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;

/**
 * Who is calling: the API key's id, its role and (for every role but ADMIN) the one practice it acts for.
 */
public record ApiCredential(String keyId, Role role, PracticeId practiceId) {

    /** The service itself, for facts it records on its own (the initial admin key). */
    public static final ApiCredential SYSTEM = new ApiCredential("system", Role.ADMIN, null);

    public boolean mayActFor(PracticeId practice) {
        return role == Role.ADMIN || practice.equals(practiceId);
    }
}
