package org.doseledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Tenant isolation for every URL with a {@code {practiceId}}: a credential of another practice gets
 * 404, exactly as if the practice did not exist, so existence does not leak across tenants.
 */
class PracticeScopeInterceptor implements HandlerInterceptor {

    static final String PRACTICE_VARIABLE = "practiceId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || !variables.containsKey(PRACTICE_VARIABLE)) {
            return true;
        }
        String practice = variables.get(PRACTICE_VARIABLE);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ApiCredential credential)) {
            return true;
        }
        if (!PracticeId.isValid(practice) || !credential.mayActFor(PracticeId.of(practice))) {
            throw new UnknownRecordException("practice", practice);
        }
        return true;
    }
}
