package org.doseledger.projections.access;

import org.doseledger.core.shared.PracticeId;

/** Every review of a practice's access log, latest period first. */
public record FindAccessLogReviewsQuery(PracticeId practiceId) {}
