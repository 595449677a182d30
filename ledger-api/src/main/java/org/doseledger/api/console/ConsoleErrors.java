package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import org.doseledger.api.read.ProjectionBehindException;
import org.doseledger.api.web.RequestIdFilter;
import org.doseledger.core.shared.UnknownRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Console errors as pages, not problem documents: the same refusals as the API (a practice not yours is
 * not found, a role that may not is forbidden), said to a person.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(UnknownRecordException.class)
    ModelAndView notFound(UnknownRecordException e, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e, HttpServletRequest request) {
        return page(HttpStatus.FORBIDDEN, "Not allowed", "Your role may not open this page or do this.", request);
    }

    @ExceptionHandler({
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        org.springframework.web.method.annotation.HandlerMethodValidationException.class,
        org.springframework.validation.BindException.class,
        jakarta.validation.ConstraintViolationException.class
    })
    ModelAndView badRequest(Exception e, HttpServletRequest request) {
        return page(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                "The address or the form holds a value the console does not accept; nothing was recorded.",
                request);
    }

    @ExceptionHandler(org.doseledger.api.web.InvalidQueryException.class)
    ModelAndView invalid(org.doseledger.api.web.InvalidQueryException e, HttpServletRequest request) {
        return page(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                "'" + e.field() + "' " + e.getMessage() + ". Correct it and try again.",
                request);
    }

    @ExceptionHandler(org.doseledger.core.shared.LedgerRuleViolation.class)
    ModelAndView refused(org.doseledger.core.shared.LedgerRuleViolation e, HttpServletRequest request) {
        return page(HttpStatus.CONFLICT, "Not possible now", e.getMessage(), request);
    }

    /** A form sent again with other values under the key it was rendered with: nothing is written twice. */
    @ExceptionHandler(org.doseledger.api.write.IdempotencyKeyReusedException.class)
    ModelAndView sentAgain(org.doseledger.api.write.IdempotencyKeyReusedException e, HttpServletRequest request) {
        return page(
                HttpStatus.CONFLICT,
                "Already sent",
                "This form was already sent with other values, and that first sending was recorded. Nothing more"
                        + " was written: open the page again to record something new.",
                request);
    }

    @ExceptionHandler(ProjectionBehindException.class)
    ModelAndView behind(ProjectionBehindException e, HttpServletRequest request) {
        return page(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Not up to date yet",
                "This page's records are still catching up with the ledger. Reload in a few seconds.",
                request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletRequest request) {
        log.error("console page {} failed", request.getRequestURI(), e);
        return page(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "The page could not be shown. Give the request id below to your administrator: the service's log"
                        + " says what failed.",
                request);
    }

    private static ModelAndView page(HttpStatus status, String title, String message, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("requestId", RequestIdFilter.of(request));
        return page;
    }
}
