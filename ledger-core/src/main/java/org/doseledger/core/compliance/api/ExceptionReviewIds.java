package org.doseledger.core.compliance.api;

import org.doseledger.core.shared.PracticeId;

/**
 * Stream identifiers of exception reviews, and the ids of exceptions: the kind and the ids of what it
 * is about, joined by colons ({@code DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7}), so that the
 * same condition always has the same id.
 */
public final class ExceptionReviewIds {

    /** What an exception id looks like: its kind, then ids (letters, digits, dot, hyphen, underscore). */
    public static final String EXCEPTION_ID = "[A-Z0-9_]{1,40}(:[A-Za-z0-9._-]{1,64}){1,5}";

    private ExceptionReviewIds() {}

    public static String aggregateId(PracticeId practiceId, String exceptionId) {
        return "exception:" + practiceId.value() + ":" + exceptionId;
    }

    public static String exceptionId(ExceptionKind kind, String... refs) {
        return kind.name() + ":" + String.join(":", refs);
    }
}
