package org.doseledger.core.apikey.api;

/**
 * What a credential may do. PRACTICE_WRITER and COMPLIANCE_OFFICER act for exactly one practice, a
 * REGULATOR for the practices granted to it, an ADMIN for none.
 */
public enum Role {
    /** Practice software: writes facts for its practice and reads them back. */
    PRACTICE_WRITER,
    /** Reads everything of its practice, manages exceptions, counts and exports. */
    COMPLIANCE_OFFICER,
    /** Reads and exports for the practices explicitly granted to it; writes nothing. */
    REGULATOR,
    /** Manages practices, credentials and policies; reads no clinical data. */
    ADMIN;

    /** Whether a key of this role may be issued for {@code practiceId} (null: for no practice). */
    public boolean acceptsIssuingPractice(Object practiceId) {
        return switch (this) {
            case PRACTICE_WRITER, COMPLIANCE_OFFICER -> practiceId != null;
            case REGULATOR -> true;
            case ADMIN -> practiceId == null;
        };
    }
}
