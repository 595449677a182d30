package org.doseledger.api.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.doseledger.core.access.api.AccessKind;

/**
 * Marks an endpoint that hands out client data: each call that gets past access control and
 * validation is recorded as a ClientDataAccessed event before its data leaves (HIPAA audit controls).
 * If the ledger cannot record it, the caller gets 503 and no data.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsClientData {

    /** The path variable or query parameter naming the client; empty when the endpoint names none. */
    String client() default "";

    /**
     * Path variables and query parameters recorded with the access. Name only those that hold ids,
     * dates, filters and paging, never personal data.
     */
    String[] parameters() default {};

    AccessKind kind() default AccessKind.READ;
}
