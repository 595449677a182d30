package org.doseledger.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.ConcurrencyException;
import org.doseledger.api.access.AccessNotRecordedException;
import org.doseledger.api.batch.BatchItemFailedException;
import org.doseledger.api.batch.BatchTooLargeException;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.api.read.ProjectionBehindException;
import org.doseledger.api.security.RateLimitedException;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.api.web.RequestSizeLimitFilter;
import org.doseledger.api.write.IdempotencyKeyReusedException;
import org.doseledger.api.write.InvalidWriteHeaderException;
import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.UnknownRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become RFC 9457 problem documents. Every problem has a stable
 * {@code code} and the request id; none has a stack trace. Client mistakes are 4xx, never 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final io.micrometer.core.instrument.MeterRegistry meters;

    ProblemDetailsAdvice(io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(LedgerRuleViolation.class)
    ResponseEntity<Object> ruleViolated(LedgerRuleViolation e, WebRequest request) {
        // a business metric: which rules the practices' software runs into, by code
        meters.counter("ledger.writes.refused", "code", e.code()).increment();
        return respond(
                ProblemResponses.problem(HttpStatus.CONFLICT, e.code(), "Ledger rule violated", e.getMessage()),
                request);
    }

    @ExceptionHandler(UnknownRecordException.class)
    ResponseEntity<Object> unknown(UnknownRecordException e, WebRequest request) {
        return respond(
                ProblemResponses.problem(
                        HttpStatus.NOT_FOUND,
                        ProblemResponses.codeFor(e.kind()) + "_NOT_FOUND",
                        "Not found",
                        e.getMessage()),
                request);
    }

    @ExceptionHandler(InvalidWriteHeaderException.class)
    ResponseEntity<Object> badHeader(InvalidWriteHeaderException e, WebRequest request) {
        return respond(
                ProblemResponses.problem(HttpStatus.BAD_REQUEST, e.code(), "Invalid request header", e.getMessage()),
                request);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReusedException e, WebRequest request) {
        return respond(
                ProblemResponses.problem(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "IDEMPOTENCY_KEY_REUSED",
                        "Idempotency-Key reused",
                        e.getMessage()),
                request);
    }

    /** The batch answers with its failed item's status and carries the item's own problem. */
    @ExceptionHandler(BatchItemFailedException.class)
    ResponseEntity<Object> batchItemFailed(BatchItemFailedException e, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(e.status());
        ProblemDetail problem = ProblemResponses.problem(
                status == null ? HttpStatus.BAD_REQUEST : status,
                "BATCH_ITEM_FAILED",
                "Batch item failed",
                e.getMessage());
        problem.setProperty("failedItem", e.index());
        problem.setProperty("item", e.problem());
        decorate(problem, request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfter());
        }
        return response.body(problem);
    }

    @ExceptionHandler(BatchTooLargeException.class)
    ResponseEntity<Object> batchTooLarge(BatchTooLargeException e, WebRequest request) {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.PAYLOAD_TOO_LARGE, "BATCH_TOO_LARGE", "Batch too large", e.getMessage());
        problem.setProperty("maxItems", e.maxItems());
        return respond(problem, request);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> rateLimited(RateLimitedException e, WebRequest request) {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests", e.getMessage());
        decorate(problem, request);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Object> invalidQuery(InvalidQueryException e, WebRequest request) {
        return validationFailed(List.of(Map.of("field", e.field(), "message", e.getMessage())), request);
    }

    @ExceptionHandler(AccessNotRecordedException.class)
    ResponseEntity<Object> accessNotRecorded(AccessNotRecordedException e, WebRequest request) {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.SERVICE_UNAVAILABLE, "ACCESS_NOT_RECORDED", "Read not recorded", e.getMessage());
        decorate(problem, request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(ProjectionBehindException.class)
    ResponseEntity<Object> projectionBehind(ProjectionBehindException e, WebRequest request) {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.SERVICE_UNAVAILABLE, "PROJECTION_BEHIND", "Read model not yet up to date", e.getMessage());
        decorate(problem, request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException e, WebRequest request) {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.CONFLICT,
                "CONCURRENT_CHANGE",
                "Concurrent change",
                "The record changed while this write was applied, repeatedly; nothing was written. Retry with the"
                        + " same Idempotency-Key.");
        decorate(problem, request);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, WebRequest request) {
        return respond(
                ProblemResponses.problem(
                        HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", "This credential's role may not do this"),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        DatabaseUnavailable.Kind database = DatabaseUnavailable.classify(e);
        if (database != DatabaseUnavailable.Kind.NONE) {
            ProblemDetail problem = ProblemResponses.databaseUnavailable(database);
            log.warn("{}: {}", problem.getProperties().get("code"), mostSpecific(e));
            decorate(problem, request);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, ProblemResponses.DATABASE_RETRY_AFTER)
                    .body(problem);
        }
        log.error("Unexpected failure", e);
        return respond(
                ProblemResponses.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "INTERNAL_ERROR",
                        "Internal error",
                        "The ledger could not complete the request; nothing was written. Quote the request id when"
                                + " reporting this."),
                request);
    }

    private static String mostSpecific(Throwable e) {
        Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            String message = error.isBindingFailure()
                    ? "has value '" + error.getRejectedValue() + "'; expected " + expectedType(error)
                    : String.valueOf(error.getDefaultMessage());
            errors.add(Map.of("field", error.getField(), "message", message));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(
                        error -> errors.add(Map.of("field", "", "message", String.valueOf(error.getDefaultMessage()))));
        return validationFailed(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bodyErrors) {
                bodyErrors
                        .getFieldErrors()
                        .forEach(error -> errors.add(Map.of(
                                "field", error.getField(), "message", String.valueOf(error.getDefaultMessage()))));
                bodyErrors
                        .getGlobalErrors()
                        .forEach(error ->
                                errors.add(Map.of("field", "", "message", String.valueOf(error.getDefaultMessage()))));
            } else {
                String name = String.valueOf(result.getMethodParameter().getParameterName());
                result.getResolvableErrors()
                        .forEach(error -> errors.add(
                                Map.of("field", name, "message", String.valueOf(error.getDefaultMessage()))));
            }
        }
        return validationFailed(errors, request);
    }

    /** A path or query parameter that does not convert (a malformed timestamp, an unknown enum value). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        Class<?> target = e.getRequiredType();
        String message =
                "has value '" + e.getValue() + "'; expected " + (target == null ? "another value" : friendly(target));
        return validationFailed(List.of(Map.of("field", String.valueOf(name), "message", message)), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
                return respond(
                        ProblemResponses.problem(
                                HttpStatus.PAYLOAD_TOO_LARGE,
                                "PAYLOAD_TOO_LARGE",
                                "Payload too large",
                                tooLarge.getMessage()),
                        request);
            }
            if (cause instanceof StreamConstraintsException) {
                return respond(
                        ProblemResponses.problem(
                                HttpStatus.BAD_REQUEST,
                                "JSON_LIMIT_EXCEEDED",
                                "Request body exceeds a JSON limit",
                                "The body nests deeper than " + JacksonConfiguration.MAX_NESTING_DEPTH
                                        + " levels, has a string longer than "
                                        + JacksonConfiguration.MAX_STRING_LENGTH
                                        + " characters or a number longer than "
                                        + JacksonConfiguration.MAX_NUMBER_LENGTH + " characters"),
                        request);
            }
            cause = cause.getCause();
        }
        return respond(
                ProblemResponses.problem(
                        HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request body", describe(e)),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey(ProblemResponses.CODE)) {
            problem.setProperty(ProblemResponses.CODE, codeOf(e, status));
        }
        decorate(problem, request);
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static String codeOf(Exception e, HttpStatusCode status) {
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return "NOT_ACCEPTABLE";
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        }
        if (e instanceof NoResourceFoundException) {
            return "NOT_FOUND";
        }
        if (e instanceof MissingServletRequestParameterException || e instanceof ServletRequestBindingException) {
            return "INVALID_REQUEST";
        }
        if (status.is4xxClientError()) {
            return "INVALID_REQUEST";
        }
        return "INTERNAL_ERROR";
    }

    private ResponseEntity<Object> validationFailed(List<Map<String, Object>> errors, WebRequest request) {
        String summary = errors.stream()
                .map(error -> error.get("field") + ": " + error.get("message"))
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem =
                ProblemResponses.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request", summary);
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        decorate(problem, request);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static void decorate(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            problem.setInstance(URI.create(http.getRequestURI()));
            ProblemResponses.identify(problem, http);
        }
    }

    /** Says what is wrong with the body in the client's terms: which field, which value; no class names. */
    private static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown) + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            String expected = target != null && target.isEnum()
                    ? "one of " + Arrays.toString(target.getEnumConstants())
                    : "a valid " + (target == null ? "value" : friendly(target));
            return "Field '" + path(invalid) + "' has value '" + invalid.getValue() + "'; expected " + expected;
        }
        if (cause instanceof MismatchedInputException mismatched) {
            Class<?> target = mismatched.getTargetType();
            return "Field '" + path(mismatched) + "' has the wrong type; expected "
                    + (target == null ? "another type" : friendly(target));
        }
        if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
            return "Malformed JSON at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr();
        }
        if (cause instanceof JsonMappingException mapping) {
            return "Field '" + path(mapping) + "' could not be read";
        }
        return "The request body is missing or is not valid JSON";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The type a query parameter failed to convert to, from its "typeMismatch.<class>" error code. */
    private static String expectedType(FieldError error) {
        for (String code : error.getCodes() == null ? new String[0] : error.getCodes()) {
            if (code.startsWith("typeMismatch.java.") || code.startsWith("typeMismatch.org.doseledger.")) {
                try {
                    return friendly(Class.forName(code.substring("typeMismatch.".length())));
                } catch (ClassNotFoundException e) {
                    break;
                }
            }
        }
        return "another value";
    }

    private static String friendly(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "Instant" -> "timestamp with offset (ISO 8601, e.g. 2026-11-02T15:04:05Z)";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "String" -> "string";
            case "List", "Set", "Collection" -> "array";
            case "Integer", "int", "Long", "long" -> "integer";
            case "Boolean", "boolean" -> "true or false";
            case "BigDecimal" -> "decimal number";
            default -> type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "object";
        };
    }
}
