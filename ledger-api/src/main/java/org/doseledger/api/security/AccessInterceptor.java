package org.doseledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Access to every {@code /api} endpoint, decided before its body is read. First tenant isolation: a
 * credential of another practice gets 404 for any URL with a {@code {practiceId}}, exactly as if the
 * practice did not exist. Then the endpoint's {@link AllowedRoles}: 403 for other roles, and for
 * everyone when an endpoint declares none.
 */
class AccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);
    static final String PRACTICE_VARIABLE = "practiceId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ApiCredential credential)) {
            throw new AccessDeniedException("no API credential");
        }
        checkPractice(request, credential);
        AllowedRoles allowed = DeclaredRoles.of(method).orElse(null);
        if (allowed == null) {
            log.error("{} declares no @AllowedRoles; refusing every caller", method.getShortLogMessage());
            throw new AccessDeniedException("endpoint declares no roles");
        }
        if (Arrays.stream(allowed.value()).noneMatch(role -> role == credential.role())) {
            throw new AccessDeniedException(credential.role() + " may not call " + method.getShortLogMessage());
        }
        return true;
    }

    private static void checkPractice(HttpServletRequest request, ApiCredential credential) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || !variables.containsKey(PRACTICE_VARIABLE)) {
            return;
        }
        String practice = variables.get(PRACTICE_VARIABLE);
        if (!PracticeId.isValid(practice) || !credential.mayActFor(PracticeId.of(practice))) {
            throw new UnknownRecordException("practice", practice);
        }
    }
}
