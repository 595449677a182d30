package org.doseledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a new
 * UUID. The id is on the response, in every log line (MDC) and in the metadata of every event written.
 * A W3C {@code traceparent} header's trace id, when the caller sends a valid one, is kept too: in the log
 * lines (MDC {@code traceId}) and in every problem document, so a failure can be found in the caller's
 * tracing system.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName();
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    public static final String TRACE_ATTRIBUTE = RequestIdFilter.class.getName() + ".traceId";
    public static final String TRACE_MDC_KEY = "traceId";
    /** W3C Trace Context: version 00, a trace id of 32 and a parent id of 16 lower-case hex digits, flags. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String requestId = offered != null && SANE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        MDC.put(MDC_KEY, requestId);
        String traceId = traceId(request.getHeader("traceparent"));
        if (traceId != null) {
            request.setAttribute(TRACE_ATTRIBUTE, traceId);
            MDC.put(TRACE_MDC_KEY, traceId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove(TRACE_MDC_KEY);
        }
    }

    /** The trace id of a valid {@code traceparent} header (not all zeros), else null. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        java.util.regex.Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
        if (!matcher.matches() || matcher.group(1).chars().allMatch(c -> c == '0')) {
            return null;
        }
        return matcher.group(1);
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
