package org.doseledger.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.doseledger.core.apikey.api.Role;

/**
 * The roles that may call an endpoint. Every {@code /api} handler must declare it (on the method or
 * its controller); one that does not is refused to everyone. Checked before the request body is read,
 * so a caller without the role learns nothing from validation errors.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedRoles {

    Role[] value();
}
