package org.doseledger.core.apikey.api;

/** What a credential may do. Every role but ADMIN acts for exactly one practice. */
public enum Role {
    /** Practice software: writes facts for its practice and reads them back. */
    PRACTICE_WRITER,
    /** Reads everything of its practice, manages exceptions, counts and exports. */
    COMPLIANCE_OFFICER,
    /** Reads and exports for the practice it was granted; writes nothing. */
    REGULATOR,
    /** Manages practices, credentials and policies; reads no clinical data. */
    ADMIN;

    public boolean isPracticeScoped() {
        return this != ADMIN;
    }
}
