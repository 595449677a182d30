package org.doseledger.core.access.api;

import org.doseledger.core.shared.PracticeId;

/**
 * Stream identifiers of access records and access-log reviews. Each access is a stream of its own, so
 * that concurrent reads never contend for one practice-wide stream.
 */
public final class AccessIds {

    private AccessIds() {}

    public static String accessAggregateId(String accessId) {
        return "access:" + accessId;
    }

    public static String reviewAggregateId(PracticeId practiceId, String reviewId) {
        return "access-review:" + practiceId.value() + ":" + reviewId;
    }
}
