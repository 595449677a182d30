package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.regex.Pattern;
import org.doseledger.api.security.CurrentCredential;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.api.web.RequestIdFilter;
import org.doseledger.api.write.WriteContext;

/**
 * What the console's forms and addresses send, checked as the API checks its own: ids by the API's pattern (an
 * empty field filters nothing), and each form's idempotency key, which makes a form sent twice one write.
 */
final class ConsoleInput {

    private static final Pattern ID = Pattern.compile(CommonRequests.ID);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private ConsoleInput() {}

    /** An id the page needs; 400 naming the field otherwise. */
    static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidQueryException(field, "must match \"" + CommonRequests.ID + "\"");
        }
        return value;
    }

    /** An id a filter may leave empty: null for empty. */
    static String optionalId(String field, String value) {
        String trimmed = blankToNull(value);
        return trimmed == null ? null : id(field, trimmed);
    }

    /** The constant of {@code values} that a form's choice names, if it names one. */
    static <E extends Enum<E>> java.util.Optional<E> choice(E[] values, String name) {
        return java.util.Arrays.stream(values)
                .filter(value -> value.name().equals(name))
                .findFirst();
    }

    /** A request's violations as the page says them: "field message", by field, joined by semicolons. */
    static String describe(java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .collect(java.util.stream.Collectors.joining("; "));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The write of a form, under the signed-in credential and the key the form was rendered with; a form whose
     * key was damaged in transit is refused (400) before anything is written.
     */
    static WriteContext write(HttpServletRequest request, String idempotencyKey, Clock clock) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidQueryException(
                    "idempotencyKey", "was damaged in transit; reload the page and send the form again");
        }
        return new WriteContext(
                CurrentCredential.get(), RequestIdFilter.of(request), idempotencyKey, null, clock.instant());
    }
}
