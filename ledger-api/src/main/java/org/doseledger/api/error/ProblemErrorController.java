package org.doseledger.api.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures that never reach a controller (a URL the firewall rejects, a request the servlet container
 * refuses) are sent to the error page; it answers with a problem document like every other failure,
 * instead of the container's own JSON or HTML.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status =
                code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        DatabaseUnavailable.Kind database = failure instanceof Throwable thrown
                ? DatabaseUnavailable.classify(thrown)
                : DatabaseUnavailable.Kind.NONE;
        if (database != DatabaseUnavailable.Kind.NONE) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, ProblemResponses.DATABASE_RETRY_AFTER)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(decorate(ProblemResponses.databaseUnavailable(database), request));
        }
        ProblemDetail problem = status.is4xxClientError()
                ? ProblemResponses.problem(
                        status,
                        status == HttpStatus.NOT_FOUND ? "NOT_FOUND" : "INVALID_REQUEST",
                        status.getReasonPhrase(),
                        "The request was refused before it reached the ledger: its URL, headers or framing are"
                                + " not acceptable")
                : ProblemResponses.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "INTERNAL_ERROR",
                        "Internal error",
                        "The ledger could not complete the request; nothing was written. Quote the request id when"
                                + " reporting this.");
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(decorate(problem, request));
    }

    private static ProblemDetail decorate(ProblemDetail problem, HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // a URL the firewall refused need not be a valid URI; the problem is complete without it
            }
        }
        ProblemResponses.identify(problem, request);
        return problem;
    }
}
