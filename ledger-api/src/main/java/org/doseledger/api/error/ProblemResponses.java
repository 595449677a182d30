package org.doseledger.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.doseledger.api.web.RequestIdFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem documents of the API; also writes them from servlet filters. Every
 * problem carries a stable, UPPER_SNAKE_CASE {@code code} that clients can branch on.
 */
public final class ProblemResponses {

    public static final String CODE = "code";
    public static final String REQUEST_ID = "requestId";
    public static final String TRACE_ID = "traceId";

    private ProblemResponses() {}

    /** Seconds a client should wait before retrying a request the database could not serve. */
    static final String DATABASE_RETRY_AFTER = "5";

    /** 503 for a request that failed because the database was unreachable or every connection was busy. */
    static ProblemDetail databaseUnavailable(DatabaseUnavailable.Kind kind) {
        return kind == DatabaseUnavailable.Kind.BUSY
                ? problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "SERVICE_BUSY",
                        "Service busy",
                        "Every database connection stayed busy; nothing was written. Retry after Retry-After seconds"
                                + " with the same Idempotency-Key.")
                : problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "DATABASE_UNAVAILABLE",
                        "Database unavailable",
                        "The ledger's database could not be reached; nothing was written. Retry after Retry-After"
                                + " seconds with the same Idempotency-Key.");
    }

    public static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://doseledger.org/problems/"
                + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty(CODE, code);
        return problem;
    }

    /** The code prefix for a kind of record: {@code api-key} becomes {@code API_KEY}. */
    public static String codeFor(String kind) {
        return kind.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** For filters and security handlers, which run outside Spring MVC's exception handling. */
    /** The request's id and, when the caller sent a trace context, its trace id, on a problem document. */
    public static void identify(ProblemDetail problem, HttpServletRequest request) {
        Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            problem.setProperty(REQUEST_ID, requestId);
        }
        Object traceId = request.getAttribute(RequestIdFilter.TRACE_ATTRIBUTE);
        if (traceId != null) {
            problem.setProperty(TRACE_ID, traceId);
        }
    }

    /** For filters: the 503 of a request the database could not serve, with {@code Retry-After}. */
    public static void writeDatabaseUnavailable(
            HttpServletRequest request,
            HttpServletResponse response,
            ObjectMapper mapper,
            DatabaseUnavailable.Kind kind)
            throws IOException {
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER);
        send(request, response, mapper, databaseUnavailable(kind));
    }

    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ObjectMapper mapper,
            HttpStatus status,
            String code,
            String title,
            String detail)
            throws IOException {
        send(request, response, mapper, problem(status, code, title, detail));
    }

    private static void send(
            HttpServletRequest request, HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        identify(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
