package org.doseledger.projections.practice;

import org.doseledger.core.shared.PracticeId;

/** Look up one registered practice. */
public record FindPracticeQuery(PracticeId practiceId) {}
