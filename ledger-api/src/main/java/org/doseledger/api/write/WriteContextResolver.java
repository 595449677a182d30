package org.doseledger.api.write;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.regex.Pattern;
import org.doseledger.api.security.CurrentCredential;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.RequestIdFilter;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Builds the {@link WriteContext} of a write endpoint from its headers, credential and the clock. */
public class WriteContextResolver implements HandlerMethodArgumentResolver {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String PRACTITIONER = "X-Practitioner-Id";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern PRACTITIONER_ID = Pattern.compile(CommonRequests.ID);

    private final Clock clock;

    WriteContextResolver(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return WriteContext.class.equals(parameter.getParameterType());
    }

    @Override
    public WriteContext resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String key = webRequest.getHeader(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            throw new InvalidWriteHeaderException(
                    "IDEMPOTENCY_KEY_REQUIRED",
                    "Every write needs an 'Idempotency-Key' header: a unique token per intended write, reused on retries");
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidWriteHeaderException(
                    "IDEMPOTENCY_KEY_INVALID", "'Idempotency-Key' must be 1 to 255 visible ASCII characters");
        }
        String practitioner = webRequest.getHeader(PRACTITIONER);
        if (practitioner != null && !PRACTITIONER_ID.matcher(practitioner).matches()) {
            throw new InvalidWriteHeaderException(
                    "PRACTITIONER_ID_INVALID", "'" + PRACTITIONER + "' must match " + PRACTITIONER_ID.pattern());
        }
        return new WriteContext(
                CurrentCredential.get(), RequestIdFilter.of(request), key, practitioner, clock.instant());
    }
}
