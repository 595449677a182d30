package org.doseledger.api.security;

import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** The {@link AllowedRoles} an endpoint declares, on its method or else on its controller. */
public final class DeclaredRoles {

    private DeclaredRoles() {}

    public static Optional<AllowedRoles> of(HandlerMethod method) {
        AllowedRoles allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AllowedRoles.class);
        return Optional.ofNullable(
                allowed != null
                        ? allowed
                        : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedRoles.class));
    }
}
