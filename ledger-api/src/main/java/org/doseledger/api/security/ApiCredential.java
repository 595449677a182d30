package org.doseledger.api.security;

import java.util.Set;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;

/**
 * Who is calling, however they authenticated.
 *
 * @param id the credential's id as the ledger records it: an API key's public id, or {@code jwt:<subject>}
 *     for a bearer token of the identity provider
 * @param role what the credential may do
 * @param practiceId the one practice a PRACTICE_WRITER or COMPLIANCE_OFFICER acts for; null for REGULATOR
 *     and ADMIN
 * @param grantedPractices the practices a REGULATOR may read and export; empty for every other role
 */
public record ApiCredential(String id, Role role, PracticeId practiceId, Set<PracticeId> grantedPractices)
        implements java.io.Serializable, java.security.Principal {

    /** The credential's id: what a signed-in session is filed under. */
    @Override
    public String getName() {
        return id;
    }

    /** The service itself, for facts it records on its own (the initial admin key). */
    public static final ApiCredential SYSTEM = new ApiCredential("system", Role.ADMIN, null, Set.of());

    public ApiCredential {
        grantedPractices = Set.copyOf(grantedPractices);
    }

    /**
     * A credential of {@code role}: practice-bound roles act for {@code practices}' only member, a
     * REGULATOR for all of them, an ADMIN for none.
     */
    public static ApiCredential of(String id, Role role, Set<PracticeId> practices) {
        return switch (role) {
            case PRACTICE_WRITER, COMPLIANCE_OFFICER -> {
                if (practices.size() != 1) {
                    throw new IllegalArgumentException(role + " acts for exactly one practice, not " + practices);
                }
                yield new ApiCredential(id, role, practices.iterator().next(), Set.of());
            }
            case REGULATOR -> new ApiCredential(id, role, null, practices);
            case ADMIN -> new ApiCredential(id, role, null, Set.of());
        };
    }

    /** The credential an issued key (or console account) stands for, as the key registry holds it now. */
    public static ApiCredential of(org.doseledger.projections.apikey.ApiKeyView key) {
        Set<PracticeId> practices = (key.role() == Role.REGULATOR
                        ? key.grantedPractices().stream()
                        : java.util.stream.Stream.ofNullable(key.practiceId()))
                .map(PracticeId::of)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return of(key.keyId(), key.role(), practices);
    }

    public boolean mayActFor(PracticeId practice) {
        return switch (role) {
            case ADMIN -> true;
            case REGULATOR -> grantedPractices.contains(practice);
            case PRACTICE_WRITER, COMPLIANCE_OFFICER -> practice.equals(practiceId);
        };
    }
}
